import { assign, setup } from 'xstate';
import { exitCodeOf, initialContext, normalizeSignal, signalEndsRestarts, type LifecycleContext } from './context.ts';
import type { LifecycleInit, ResumeEvent, StampedEvent } from './events.ts';
import { FRESH_RESTART_MANAGER, restartsWithDaemon, shouldRestart } from './restart-policy.ts';

/**
 * A container's lifecycle as a statechart: Docker's states (`created`, `running`, `paused`, `restarting`,
 * `exited`, `dead`, `removing`) with the sub-states a command waits in (`running.stopping` until the stop timeout,
 * `running.killing` after SIGKILL, `removing.killing` for `rm -f` of a live container).
 *
 * The machine only accepts what Docker accepts; refusals (with Docker's texts) are decided before an event is sent
 * (`refusals.ts`), so an event without a transition here is Docker's silent no-op. Signals, process starts, freezing
 * and deletion are actions the runtime implements (`machine.provide`): the machine never decides how a program reacts
 * to a signal, it waits for PROCESS_EXITED.
 */

export type Event = StampedEvent | ResumeEvent;
type Of<T extends Event['type']> = Extract<Event, { type: T }>;

/** The signal a `signalStop`/`signalKill`/`signalSigkill` action delivers for this event. */
export function signalFor(action: 'signalStop' | 'signalKill' | 'signalSigkill', context: LifecycleContext, event: Event): string {
  if (action === 'signalStop') return stopSignalOf(context, event);
  if (action === 'signalKill') return killSignalOf(event);
  return 'SIGKILL';
}

const stopSignalOf = (context: LifecycleContext, event: Event) =>
  'signal' in event && event.signal !== undefined ? normalizeSignal(event.signal) : context.stopSignal;

const stopTimeoutOf = (context: LifecycleContext, event: Event) =>
  'timeout' in event && event.timeout !== undefined ? event.timeout : context.stopTimeout;

const killSignalOf = (event: Event) => ('signal' in event && event.signal !== undefined ? normalizeSignal(event.signal) : 'SIGKILL');

export const containerLifecycleMachine = setup({
  types: {
    context: {} as LifecycleContext,
    events: {} as Event,
    input: {} as LifecycleInit,
  },
  actions: {
    // Implemented by the runtime through `machine.provide` (see lifecycle.ts); no-ops keep the machine pure.
    // The three signal deliveries differ only in which signal: `signalFor` (exported) tells the runtime.
    signalStop: () => {},
    signalKill: () => {},
    signalSigkill: () => {},
    startProcess: () => {},
    freeze: () => {},
    thaw: () => {},
    removeContainer: () => {},
    /** A manual start (`docker start`, `docker restart`, the daemon restoring it): a fresh restart manager. */
    startFresh: assign(({ event }) => ({
      startedAt: (event as StampedEvent).now,
      exitCode: 0,
      error: '',
      restartCount: 0,
      restartManager: FRESH_RESTART_MANAGER,
      hasBeenManuallyStopped: false,
      hasBeenStartedBefore: true,
      restartRequested: false,
      daemonRestarting: false,
      stopDeadline: null,
      restartAt: null,
    })),
    /** The restart manager's own start after the back-off: the count and the delay carry on. */
    startAfterBackoff: assign(({ context }) => ({ startedAt: context.restartAt, exitCode: 0, restartAt: null })),
    /**
     * `docker stop`/`kill`: the container was stopped by hand (unless the daemon is the one stopping it), and the
     * signal may end automatic restarts until the next start.
     */
    markStopSignal: assign(({ context, event }) => markStopped(context, event, stopSignalOf(context, event))),
    markKillSignal: assign(({ context, event }) => markStopped(context, event, killSignalOf(event))),
    markSigkill: assign(({ context, event }) => markStopped(context, event, 'SIGKILL')),
    armStopTimer: assign(({ context, event }) => {
      const deadline = (event as StampedEvent).now + Math.max(0, stopTimeoutOf(context, event)) * 1000;
      return { stopDeadline: context.stopDeadline === null ? deadline : Math.min(context.stopDeadline, deadline) };
    }),
    requestRestart: assign({ restartRequested: true }),
    flagDaemonRestart: assign({ daemonRestarting: true }),
    recordExit: assign(({ context, event }) => {
      const exited = event as Of<'PROCESS_EXITED'>;
      const exitCode = exitCodeOf(exited.code, exited.signal);
      const base = { exitCode, finishedAt: exited.now, stopDeadline: null };
      if (context.restartRequested) return { ...base, afterExit: 'start' as const };
      if (context.daemonRestarting) {
        const back = restartsWithDaemon(context.restartPolicy, context.hasBeenManuallyStopped, context.hasBeenStartedBefore);
        return { ...base, daemonRestarting: false, afterExit: back ? ('start' as const) : ('exit' as const) };
      }
      const decision = shouldRestart(context.restartPolicy, context.restartManager, {
        exitCode,
        hasBeenManuallyStopped: context.hasBeenManuallyStopped,
        executionMs: exited.now - (context.startedAt ?? exited.now),
        restartCount: context.restartCount,
      });
      if (!decision.restart) return { ...base, restartManager: decision.manager, afterExit: 'exit' as const };
      return {
        ...base,
        restartManager: decision.manager,
        restartCount: context.restartCount + 1,
        restartAt: exited.now + decision.manager.backoffMs,
        afterExit: 'restart' as const,
      };
    }),
    /** `docker stop`/`kill` of a restarting container cancels the pending start; the last exit stays. */
    cancelRestart: assign(({ context }) => ({
      restartAt: null,
      hasBeenManuallyStopped: true,
      restartManager: { ...context.restartManager, canceled: true },
    })),
    recordRemovalFailure: assign(({ event }) => ({ error: (event as Of<'REMOVAL_FAILED'>).message })),
  },
  guards: {
    isSigkill: ({ event }) => killSignalOf(event) === 'SIGKILL',
    killEndsRestarts: ({ context, event }) => signalEndsRestarts(context, killSignalOf(event)),
    isForced: ({ event }) => event.type === 'REMOVE' && event.force === true,
    waitsForever: ({ context, event }) => stopTimeoutOf(context, event) < 0,
    backWithDaemon: ({ context }) =>
      restartsWithDaemon(context.restartPolicy, context.hasBeenManuallyStopped, context.hasBeenStartedBefore),
    exitStarts: ({ context }) => context.afterExit === 'start',
    exitRestarts: ({ context }) => context.afterExit === 'restart',
  },
  delays: {
    // Remaining time from the event that entered the state, so a restored machine re-arms what is left.
    stopTimeout: ({ context, event }) => Math.max(0, (context.stopDeadline ?? 0) - (event as StampedEvent).now),
    backoff: ({ context, event }) => Math.max(0, (context.restartAt ?? 0) - (event as StampedEvent).now),
  },
}).createMachine({
  id: 'lifecycle',
  context: ({ input }) => initialContext(input),
  initial: 'created',
  // In every state: a rename or a new restart policy (moby's UpdateMonitor) takes effect from the next exit on.
  on: {
    CONFIGURE: {
      actions: assign(({ context, event }) => ({
        name: event.name ?? context.name,
        restartPolicy: event.restartPolicy ?? context.restartPolicy,
      })),
    },
  },
  states: {
    created: {
      on: {
        START: { target: 'running', actions: ['startFresh', 'startProcess'] },
        RESTART: { target: 'running', actions: ['startFresh', 'startProcess'] },
        REMOVE: { target: 'removing' },
      },
    },
    running: {
      initial: 'up',
      on: {
        PROCESS_EXITED: { target: 'exiting', actions: 'recordExit' },
        REMOVE: {
          guard: 'isForced',
          target: 'removing.killing',
          actions: ['markSigkill', 'signalSigkill'],
        },
      },
      states: {
        up: {
          on: {
            STOP: [
              { guard: 'waitsForever', target: '#lifecycle.running.waiting', actions: ['markStopSignal', 'signalStop'] },
              { target: '#lifecycle.running.stopping', actions: ['markStopSignal', 'signalStop', 'armStopTimer'] },
            ],
            RESTART: [
              { guard: 'waitsForever', target: '#lifecycle.running.waiting', actions: ['requestRestart', 'markStopSignal', 'signalStop'] },
              { target: '#lifecycle.running.stopping', actions: ['requestRestart', 'markStopSignal', 'signalStop', 'armStopTimer'] },
            ],
            DAEMON_RESTART: [
              { guard: 'waitsForever', target: '#lifecycle.running.waiting', actions: ['flagDaemonRestart', 'markStopSignal', 'signalStop'] },
              { target: '#lifecycle.running.stopping', actions: ['flagDaemonRestart', 'markStopSignal', 'signalStop', 'armStopTimer'] },
            ],
            KILL: [
              { guard: 'isSigkill', target: '#lifecycle.running.killing', actions: ['markKillSignal', 'signalKill'] },
              { actions: ['markKillSignal', 'signalKill'] },
            ],
            PAUSE: { target: '#lifecycle.paused', actions: 'freeze' },
          },
        },
        stopping: {
          after: { stopTimeout: { target: 'killing', actions: 'signalSigkill' } },
          on: {
            RESUME: { target: 'stopping', reenter: true },
            // Another `docker stop` signals again and waits its own timeout; the earlier deadline wins.
            STOP: [
              { guard: 'waitsForever', actions: ['markStopSignal', 'signalStop'] },
              { target: 'stopping', reenter: true, actions: ['markStopSignal', 'signalStop', 'armStopTimer'] },
            ],
            RESTART: { actions: 'requestRestart' },
            DAEMON_RESTART: { actions: 'flagDaemonRestart' },
            KILL: [
              { guard: 'isSigkill', target: '#lifecycle.running.killing', actions: ['markKillSignal', 'signalKill'] },
              { actions: ['markKillSignal', 'signalKill'] },
            ],
          },
        },
        /** `docker stop -t -1`: no escalation, the stop waits for the program. */
        waiting: {
          on: {
            STOP: [
              { guard: 'waitsForever', actions: ['markStopSignal', 'signalStop'] },
              { target: 'stopping', actions: ['markStopSignal', 'signalStop', 'armStopTimer'] },
            ],
            RESTART: { actions: 'requestRestart' },
            DAEMON_RESTART: { actions: 'flagDaemonRestart' },
            KILL: [
              { guard: 'isSigkill', target: '#lifecycle.running.killing', actions: ['markKillSignal', 'signalKill'] },
              { actions: ['markKillSignal', 'signalKill'] },
            ],
          },
        },
        killing: {
          on: {
            RESTART: { actions: 'requestRestart' },
            DAEMON_RESTART: { actions: 'flagDaemonRestart' },
            KILL: { actions: 'signalKill' },
          },
        },
      },
    },
    paused: {
      on: {
        UNPAUSE: { target: 'running.up', actions: 'thaw' },
        // A frozen process gets the stop signal when thawed: Docker unpauses it right after sending it.
        STOP: [
          { guard: 'waitsForever', target: '#lifecycle.running.waiting', actions: ['markStopSignal', 'signalStop', 'thaw'] },
          { target: '#lifecycle.running.stopping', actions: ['markStopSignal', 'signalStop', 'thaw', 'armStopTimer'] },
        ],
        RESTART: [
          { guard: 'waitsForever', target: '#lifecycle.running.waiting', actions: ['requestRestart', 'markStopSignal', 'signalStop', 'thaw'] },
          { target: '#lifecycle.running.stopping', actions: ['requestRestart', 'markStopSignal', 'signalStop', 'thaw', 'armStopTimer'] },
        ],
        DAEMON_RESTART: [
          { guard: 'waitsForever', target: '#lifecycle.running.waiting', actions: ['flagDaemonRestart', 'markStopSignal', 'signalStop', 'thaw'] },
          { target: '#lifecycle.running.stopping', actions: ['flagDaemonRestart', 'markStopSignal', 'signalStop', 'thaw', 'armStopTimer'] },
        ],
        KILL: [
          { guard: 'isSigkill', target: '#lifecycle.running.killing', actions: ['markKillSignal', 'signalKill', 'thaw'] },
          // A frozen process only sees the signal once thawed, and Docker thaws it only for a signal that ends it.
          { guard: 'killEndsRestarts', target: '#lifecycle.running.up', actions: ['markKillSignal', 'signalKill', 'thaw'] },
          { actions: ['markKillSignal', 'signalKill'] },
        ],
        REMOVE: {
          guard: 'isForced',
          target: 'removing.killing',
          actions: ['markSigkill', 'signalSigkill', 'thaw'],
        },
        PROCESS_EXITED: { target: 'exiting', actions: 'recordExit' },
      },
    },
    /** Transient: where an exit leads, decided by `recordExit`. */
    exiting: {
      always: [
        { guard: 'exitStarts', target: 'running', actions: ['startFresh', 'startProcess'] },
        { guard: 'exitRestarts', target: 'restarting' },
        { target: 'exited' },
      ],
    },
    restarting: {
      after: { backoff: { target: 'running', actions: ['startAfterBackoff', 'startProcess'] } },
      on: {
        RESUME: { target: 'restarting', reenter: true },
        START: {},
        STOP: { target: 'exited', actions: 'cancelRestart' },
        KILL: { guard: 'killEndsRestarts', target: 'exited', actions: 'cancelRestart' },
        RESTART: { target: 'running', actions: ['startFresh', 'startProcess'] },
        REMOVE: { guard: 'isForced', target: 'removing', actions: 'cancelRestart' },
        DAEMON_RESTART: [
          { guard: 'backWithDaemon', target: 'running', actions: ['startFresh', 'startProcess'] },
          { target: 'exited', actions: assign({ restartAt: null }) },
        ],
      },
    },
    exited: {
      on: {
        START: { target: 'running', actions: ['startFresh', 'startProcess'] },
        RESTART: { target: 'running', actions: ['startFresh', 'startProcess'] },
        REMOVE: { target: 'removing' },
        DAEMON_RESTART: { guard: 'backWithDaemon', target: 'running', actions: ['startFresh', 'startProcess'] },
      },
    },
    dead: {
      on: { REMOVE: { target: 'removing' } },
    },
    removing: {
      initial: 'deleting',
      states: {
        /** `rm -f` of a live container: SIGKILL sent, waiting for the process to go. */
        killing: {
          on: {
            PROCESS_EXITED: {
              target: 'deleting',
              actions: assign(({ event }) => ({ exitCode: exitCodeOf(event.code, event.signal), finishedAt: event.now })),
            },
          },
        },
        deleting: {
          entry: 'removeContainer',
          on: {
            REMOVED: { target: '#lifecycle.removed' },
            REMOVAL_FAILED: { target: '#lifecycle.dead', actions: 'recordRemovalFailure' },
          },
        },
      },
    },
    /** Gone: the daemon no longer knows the container. */
    removed: { type: 'final' },
  },
});

function markStopped(context: LifecycleContext, event: Event, signal: string): Partial<LifecycleContext> {
  const byDaemon = context.daemonRestarting || event.type === 'DAEMON_RESTART';
  return {
    hasBeenManuallyStopped: byDaemon ? context.hasBeenManuallyStopped : true,
    restartManager:
      !byDaemon && signalEndsRestarts(context, signal) ? { ...context.restartManager, canceled: true } : context.restartManager,
  };
}

export type ContainerLifecycleMachine = typeof containerLifecycleMachine;
