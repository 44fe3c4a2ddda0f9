import type { FsErrorCode } from '../../../fs/types.ts';
import { NetError } from '../../../network/socket.ts';

/** libuv's errno numbers, as Node's errors carry them. */
const UV_ERRNO: Record<string, number> = { ENOENT: -2, EEXIST: -17, ENOTDIR: -20, EISDIR: -21, ENOTEMPTY: -39, EACCES: -13, EINVAL: -22, ELOOP: -40, EPERM: -1, EROFS: -30, EXDEV: -18, EBUSY: -16, ECONNREFUSED: -111, ETIMEDOUT: -110, EADDRINUSE: -98, EADDRNOTAVAIL: -99, ECONNRESET: -104, EHOSTUNREACH: -113, ENETUNREACH: -101, EPIPE: -32, ENOTFOUND: -3008, EAI_AGAIN: -3001 };
const UV_TEXT: Record<FsErrorCode, string> = {
  ENOENT: 'no such file or directory', EEXIST: 'file already exists', ENOTDIR: 'not a directory', EISDIR: 'illegal operation on a directory',
  ENOTEMPTY: 'directory not empty', EACCES: 'permission denied', EINVAL: 'invalid argument', ELOOP: 'too many symbolic links encountered',
  EPERM: 'operation not permitted', EROFS: 'read-only file system', EXDEV: 'cross-device link not permitted', EBUSY: 'resource busy or locked',
};

/** Node's error for a failed filesystem call: `ENOENT: no such file or directory, open '/x'`. */
export function uvError(code: FsErrorCode, syscall: string, path: string, dest?: string): Error {
  const e = new Error(`${code}: ${UV_TEXT[code]}, ${syscall} '${path}'${dest === undefined ? '' : ` -> '${dest}'`}`);
  return Object.assign(e, { errno: UV_ERRNO[code], code, syscall, path, ...(dest === undefined ? {} : { dest }) });
}

/** Node's Error for a socket failure (errno, code, syscall, address/port or hostname), from the engine's NetError. */
export function netError(e: unknown): unknown {
  if (!(e instanceof NetError)) return e;
  const err = new Error(e.syscall === 'listen' && e.code === 'EADDRINUSE' ? `listen EADDRINUSE: address already in use ${e.host === '0.0.0.0' ? '::' : e.host}:${e.port}` : e.message);
  return Object.assign(err, {
    errno: UV_ERRNO[e.code] ?? -1,
    code: e.code,
    syscall: e.syscall,
    ...(e.syscall === 'getaddrinfo' ? { hostname: e.host } : { address: e.syscall === 'listen' && e.host === '0.0.0.0' ? '::' : e.host, port: e.port }),
  });
}
