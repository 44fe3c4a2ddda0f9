/** One client connection: requests in (RESP or inline), replies out, in order, until QUIT or the peer leaves. */
import type { Socket } from '../../network/socket.ts';
import type { RedisInstance } from './instance.ts';
import { encodeReply, ProtocolError, RespReader } from './resp.ts';

export async function serveClient(server: RedisInstance, socket: Socket): Promise<void> {
  const client = server.newClient();
  const reader = new RespReader();
  try {
    for (let chunk = await socket.input.read(); chunk; chunk = await socket.input.read()) {
      if (server.stopping) return;
      reader.push(chunk);
      let out = '';
      for (;;) {
        let args: string[] | undefined;
        try {
          args = reader.nextRequest();
        } catch (e) {
          if (!(e instanceof ProtocolError)) throw e;
          await socket.output.write(`${out}-ERR Protocol error: ${e.message}\r\n`);
          return;
        }
        if (!args) break;
        if (args.length === 0) continue;
        const done = server.run(client, args);
        // A successful SHUTDOWN answers nothing: the client sees the connection close.
        const silent = done.close && args[0]!.toLowerCase() === 'shutdown';
        if (!silent) out += encodeReply(done.reply);
        if (done.close) {
          if (out) await socket.output.write(out);
          return;
        }
      }
      // Replies to pipelined commands go out together, as Redis writes a client's buffer once per event loop turn.
      if (out) await socket.output.write(out);
    }
  } catch {
    // The peer went away mid-reply: nothing to tell it.
  } finally {
    server.clients.delete(client);
    socket.close();
  }
}
