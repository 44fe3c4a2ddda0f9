/**
 * The session the page shows: which machine is live (and its workbench), keeping it in IndexedDB after each command,
 * bringing it back on load, undo, reset, export and import. A save that cannot be read never stops the page: the
 * student gets a fresh machine, a message saying what happened and the bad save to download.
 */
import type { Machine } from '../../engine/api.ts';
import { driveClock } from '../clock-driver.ts';
import { Workbench, type ChangeKind } from '../workbench.svelte.ts';
import { CommandHistory } from './command-history.ts';
import { downloadBytes, sessionFileName, sessionFileTooLarge } from './download.ts';
import { takeSessionStore } from './early-store.ts';
import { recoverSession } from './recover.ts';
import { SessionFileWriter } from './file-writer.ts';
import type { SessionStore } from './store.ts';

type Sessions = typeof import('../../engine/sessions.ts');

export interface Notice {
  readonly id: number;
  readonly tone: 'error' | 'info';
  readonly text: string;
  /** Offer the kept damaged save for download. */
  readonly offersDamaged?: boolean;
}

export interface SessionOptions {
  /** A fresh machine with the starting project (src/machine.ts). */
  startMachine(): Promise<Machine>;
  /**
   * An empty machine to restore a save into; `startMachine` by default. A scenario's start pulls images and runs
   * setup commands, all of which the restored state replaces: no need to wait for them.
   */
  blankMachine?(): Promise<Machine>;
  /** The host file the editor shows when a machine starts (the sandbox's Dockerfile). */
  openFile?: string;
  onClockError?(error: unknown): void;
  /** Where in IndexedDB this session is kept (src/scenario/route.ts storeNameOf); the sandbox's keys by default. */
  storeName?: string;
  companion?: SessionCompanion;
}

/**
 * What a scenario adds to a session: it sees every machine that goes live (and may hand back a wrapper that records
 * what the student does), keeps a text (the attempt log) saved with each save, and hears of undo and reset.
 */
export interface SessionCompanion {
  /** `how` says where the machine came from; the machine returned is the one the page uses. */
  attach(machine: Machine, how: 'fresh' | 'restored' | 'reset' | 'imported'): Machine;
  /** The text stored beside the next save. */
  attachment(): string | undefined;
  /** The text stored beside the save being restored (undefined when there was none); before `attach`. */
  restore(attachment: string | undefined): void;
  /** The last command was taken back. */
  undone(): void;
  /** Something worth saving happened outside a command (an editor save, a hint). */
  onChange?(listener: () => void): void;
}

/** Info notices go away by themselves; errors stay until dismissed. */
const INFO_MS = 8000;

export class SessionController {
  workbench = $state.raw<Workbench>();
  notices = $state.raw<readonly Notice[]>([]);
  canUndo = $state(false);
  /** A command is running in some terminal. */
  busy = $state(false);
  lastCommand = $state<string>();
  /** Changes not yet in IndexedDB (or never to be, when storage is unavailable). */
  unsaved = $state(false);
  /** False when this browser gives the page no storage: nothing is kept between visits. */
  persistent = $state(false);

  readonly #options: SessionOptions;
  /** The session-file code, loaded with the first save or restore (it brings the image catalog). */
  #sessions: Sessions | undefined;
  #store: SessionStore | undefined;
  #machine: Machine | undefined;
  #history: CommandHistory | undefined;
  #stopMachine: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<boolean> | undefined;
  #dirty = false;
  #disposed = false;
  #nextNotice = 1;
  #storageNotice: number | undefined;
  readonly #files = new SessionFileWriter();
  readonly #onHide = () => {
    if (document.visibilityState === 'hidden') void this.#flush();
  };

  constructor(options: SessionOptions) {
    this.#options = options;
  }

  /** Restores the saved session, or starts fresh, before the first terminal opens. */
  async start(): Promise<void> {
    // The fresh machine is made while IndexedDB answers (both stand before the first prompt): a first visit shows it,
    // a restore puts the saved state into it.
    // (A scenario restores into a blank machine instead: its start pulls images and runs setup, all replaced.)
    let fresh: Promise<Machine> | undefined = this.#options.blankMachine ? undefined : this.#options.startMachine();
    fresh?.catch(() => {});
    try {
      this.#store = await takeSessionStore(this.#options.storeName);
      this.persistent = true;
    } catch (e) {
      this.#notify('error', `Your work will not be kept when you leave: this browser does not let the page store data here (${messageOf(e)}). Use Export session to keep it in a file.`);
    }
    this.#options.companion?.onChange?.(() => this.#changed());
    let machine: Machine | undefined;
    if (this.#store) {
      try {
        // The first restore goes into the machine made while IndexedDB answered; a failed one may have left it
        // half-done, so a fallback to the save before gets a new machine.
        const restore = async (bytes: Uint8Array, attachment: string | undefined) => {
          const into = fresh;
          fresh = undefined;
          const restored = await this.#restored(bytes, into);
          this.#options.companion?.restore(attachment);
          return restored;
        };
        const recovered = await recoverSession(await this.#store.load(), restore, (e) => this.#reason(e));
        machine = recovered.machine;
        if (recovered.damaged) await this.#setAside(recovered.damaged.bytes, recovered.damaged.reason, recovered.damaged.fellBack);
      } catch (e) {
        this.#notify('error', `Your saved session could not be read (${messageOf(e)}). Dockyard started a fresh machine.`);
      }
    }
    if (this.#disposed) return;
    if (machine) this.#show(machine, 'restored');
    else this.#show(await (fresh ?? this.#options.startMachine()), 'fresh');
  }

  undo(): void {
    const line = this.#history?.lastCommand;
    if (!this.#history?.undo()) return;
    this.#options.companion?.undone();
    this.#refreshPictures();
    this.#changed();
    this.#notify('info', `Undid “${line}”.`);
  }

  async reset(): Promise<void> {
    const ok = confirm('Reset the machine? Every image, container, volume, network and file you made is deleted, and the starting project comes back.');
    if (!ok) return;
    this.#show(await this.#options.startMachine(), 'reset');
    this.#changed();
    this.#notify('info', 'The machine was reset.');
  }

  async exportSession(): Promise<void> {
    if (!this.#machine) return;
    try {
      downloadBytes(await this.#fileOf(await this.#loadSessions(), this.#machine), sessionFileName(Date.now()));
    } catch (e) {
      this.#notify('error', `The session could not be exported: ${messageOf(e)}`);
    }
  }

  async importSession(file: File): Promise<void> {
    let machine: Machine;
    try {
      const tooLarge = sessionFileTooLarge(file.size);
      if (tooLarge) throw new Error(tooLarge);
      machine = await this.#restored(new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      this.#notify('error', `“${file.name}” could not be imported: ${this.#reason(e)} Your current session is unchanged.`);
      return;
    }
    this.#show(machine, 'imported');
    this.#changed();
    this.#notify('info', `Imported the session from “${file.name}”.`);
  }

  async downloadDamaged(): Promise<void> {
    try {
      const damaged = await this.#store?.damaged();
      if (!damaged) throw new Error('it is no longer stored');
      downloadBytes(damaged.bytes, sessionFileName(damaged.at || Date.now(), 'damaged-session'));
    } catch (e) {
      this.#notify('error', `The damaged save could not be downloaded: ${messageOf(e)}`);
    }
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    if (id === this.#storageNotice) this.#storageNotice = undefined;
  }

  /** Saves what is not saved yet, then stops: the page is about to show another session. */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#saving;
    await this.#flush();
    this.dispose();
  }
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#stopMachine?.();
    this.#machine?.shutdown();
    this.workbench?.dispose();
    document.removeEventListener('visibilitychange', this.#onHide);
    this.#store?.close();
    this.#files.dispose();
  }

  /**
   * A fresh machine (`into`, or a new one) holding the state in `bytes`; throws (SaveFormatError for a bad file) and
   * never returns a half-restored machine.
   */
  async #restored(bytes: Uint8Array, into?: Promise<Machine>): Promise<Machine> {
    const { deserializeSnapshot } = await this.#loadSessions();
    const snapshot = deserializeSnapshot(bytes);
    const machine = await (into ?? (this.#options.blankMachine ?? this.#options.startMachine)());
    try {
      machine.restore(snapshot);
    } catch (e) {
      // The machine is dropped, never shown: a half-restored machine is worse than none.
      throw new Error(`the machine could not be rebuilt from it (${messageOf(e)}).`, { cause: e });
    }
    return machine;
  }

  /**
   * The machine as a session file. Only the encoding runs here (it reads the live state); compressing and checksumming,
   * most of the time for a session holding a big file, run in a worker so typing and painting never wait on a save.
   */
  async #fileOf(sessions: Sessions, machine: Machine): Promise<Uint8Array> {
    // In slices: a machine of a hundred thousand files or a thousand containers takes seconds to encode.
    const payload = await sessions.encodeSnapshotSliced(machine.snapshot(), () => machine.clock.yield());
    return this.#files.write(payload, sessions.sessionFile);
  }

  async #loadSessions(): Promise<Sessions> {
    this.#sessions ??= await import('../../engine/sessions.ts');
    return this.#sessions;
  }

  async #setAside(bytes: Uint8Array, reason: string, fellBack: boolean): Promise<void> {
    let kept = true;
    try {
      await this.#store!.keepDamaged({ bytes, reason, at: Date.now() }, fellBack);
    } catch {
      kept = false;
    }
    const instead = fellBack
      ? 'Dockyard brought back the save before it, so your last command or two may be missing.'
      : 'Dockyard started a fresh machine.';
    this.#notify('error', `Your saved session could not be restored: ${reason} ${instead}` + (kept ? ' The damaged save is kept so you can download it.' : ''), kept);
  }

  #reason(e: unknown): string {
    if (this.#sessions && e instanceof this.#sessions.SaveFormatError) return e.message;
    const text = messageOf(e);
    return /[.!?]$/.test(text) ? text : `${text}.`;
  }

  #show(fresh: Machine, how: Parameters<SessionCompanion['attach']>[1]): void {
    this.#stopMachine?.();
    // The machine shown before (reset, an import) goes with everything still running on it.
    this.#machine?.shutdown();
    this.workbench?.dispose();
    const machine = this.#options.companion?.attach(fresh, how) ?? fresh;
    this.#machine = machine;
    const history = new CommandHistory(machine, () => this.#syncHistory());
    this.#history = history;
    const stopClock = driveClock(machine.clock, { onError: (e) => this.#options.onClockError?.(e) });
    const stopEvents = machine.events.subscribe((e) => {
      if (e.type === 'command') this.#changed();
    });
    this.#stopMachine = () => {
      stopClock();
      stopEvents();
    };
    document.addEventListener('visibilitychange', this.#onHide);
    this.#syncHistory();
    const workbench = new Workbench(history.track());
    workbench.openFile = this.#options.openFile;
    this.workbench = workbench;
  }

  #syncHistory(): void {
    this.canUndo = this.#history?.canUndo ?? false;
    this.busy = this.#history?.running ?? false;
    this.lastCommand = this.#history?.lastCommand;
  }

  /** Restoring swaps every store at once without a per-store event: every picture re-reads. */
  #refreshPictures(): void {
    const revisions = this.workbench?.revisions;
    if (!revisions) return;
    for (const kind of Object.keys(revisions) as ChangeKind[]) revisions[kind]++;
  }

  #changed(): void {
    this.#dirty = true;
    this.unsaved = true;
    if (!this.#store || this.#timer !== undefined) return;
    // After the prompt is back and the browser is idle: encoding must never delay typing. Fast commands coalesce.
    this.#timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void this.#flush(), { timeout: 2000 });
      else void this.#flush();
    }, 100);
  }

  async #flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#saving || !this.#dirty || !this.#store || !this.#machine || this.#disposed) return;
    // One save at a time, from encoding to the pointer's move: saves must land in the order they were taken.
    this.#saving = this.#save(this.#store, this.#machine);
    const saved = await this.#saving;
    this.#saving = undefined;
    if (this.#dirty) this.#changed();
    else if (saved) this.unsaved = false;
  }

  /** Writes the machine's state now; resolves to whether it was stored. */
  async #save(store: SessionStore, machine: Machine): Promise<boolean> {
    this.#dirty = false;
    const sessions = await this.#loadSessions().catch((e: unknown) => {
      this.#storageProblem(`The session could not be saved: ${messageOf(e)}`);
      return undefined;
    });
    if (!sessions || this.#disposed) return false;
    // The attempt log is taken with the snapshot, so the two always describe the same moment.
    const attachment = this.#options.companion?.attachment();
    const bytes = await this.#fileOf(sessions, machine).catch((e: unknown) => {
      this.#storageProblem(`The session could not be saved: ${messageOf(e)}`);
      return undefined;
    });
    if (!bytes || this.#disposed) return false;
    try {
      await store.save(bytes, attachment);
    } catch (e) {
      const full = e instanceof DOMException && e.name === 'QuotaExceededError';
      this.#storageProblem(
        full
          ? 'The browser’s storage for this page is full: your latest commands are not saved. You can keep working; Export session keeps a copy in a file.'
          : `Your latest commands could not be saved (${messageOf(e)}). You can keep working; Export session keeps a copy in a file.`,
      );
      return false;
    }
    if (this.#storageNotice !== undefined) this.dismiss(this.#storageNotice);
    return true;
  }

  /** One storage notice at a time, replaced by the latest: a full disk must not stack a notice per command. */
  #storageProblem(text: string): void {
    if (this.#storageNotice !== undefined) this.dismiss(this.#storageNotice);
    this.#storageNotice = this.#notify('error', text);
  }

  #notify(tone: Notice['tone'], text: string, offersDamaged = false): number {
    const id = this.#nextNotice++;
    this.notices = [...this.notices, { id, tone, text, ...(offersDamaged ? { offersDamaged } : {}) }];
    if (tone === 'info') setTimeout(() => this.dismiss(id), INFO_MS);
    return id;
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
