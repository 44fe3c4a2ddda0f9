/**
 * A command failure as mongod reports it (`{ ok: 0, errmsg, code, codeName }`); the client turns it into
 * MongoServerError. Codes and names are the server's (src/mongo/base/error_codes.yml).
 */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
  ) {
    super(message);
  }

  reply(): { ok: 0; errmsg: string; code: number; codeName: string } {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName };
  }
}

export const badValue = (message: string) => new CommandError(2, 'BadValue', message);
export const failedToParse = (message: string) => new CommandError(9, 'FailedToParse', message);
export const typeMismatch = (message: string) => new CommandError(14, 'TypeMismatch', message);
