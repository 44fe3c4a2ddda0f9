import type { Socket } from '../../../network/socket.ts';
import { readLines } from '../../streams.ts';
import type { Doc } from '../bson.ts';
import { decodeReply, encodeRequest } from '../wire.ts';
import { MongoNetworkError } from './errors.ts';

/**
 * One connection to a mongod: requests go out as they are made, replies are matched to them by `responseTo`. When
 * the server goes away every waiting request fails with the driver's MongoNetworkError wording.
 */
export class Connection {
  readonly #socket: Socket;
  readonly #pending = new Map<number, { resolve: (d: Doc) => void; reject: (e: Error) => void }>();
  #nextRequest = 1;
  #closed = false;

  constructor(
    socket: Socket,
    readonly id: number,
    readonly address: string,
  ) {
    this.#socket = socket;
    void this.#readReplies();
  }

  get closed(): boolean {
    return this.#closed;
  }

  async #readReplies(): Promise<void> {
    try {
      for await (const line of readLines(this.#socket.input)) {
        if (line === '') continue;
        const r = decodeReply(line);
        const waiter = this.#pending.get(r.responseTo);
        this.#pending.delete(r.responseTo);
        waiter?.resolve(r.reply);
      }
    } catch {
      // A reset reads as a close.
    }
    this.#fail();
  }

  #fail(): void {
    this.#closed = true;
    const error = () => new MongoNetworkError(`connection ${this.id} to ${this.address} closed`);
    for (const w of this.#pending.values()) w.reject(error());
    this.#pending.clear();
  }

  /** Sends a command document to `db` and resolves to the server's reply (`ok: 0` replies included). */
  async command(db: string, command: Doc): Promise<Doc> {
    if (this.#closed) throw new MongoNetworkError(`connection ${this.id} to ${this.address} closed`);
    const requestID = this.#nextRequest++;
    const reply = new Promise<Doc>((resolve, reject) => this.#pending.set(requestID, { resolve, reject }));
    try {
      await this.#socket.output.write(encodeRequest({ requestID, db, command }));
    } catch {
      this.#pending.delete(requestID);
      this.#fail();
      throw new MongoNetworkError(`connection ${this.id} to ${this.address} closed`);
    }
    return reply;
  }

  close(): void {
    this.#socket.close();
    this.#fail();
  }
}
