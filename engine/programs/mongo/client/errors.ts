import type { Doc } from '../bson.ts';

/**
 * The driver's error classes, by the names the Node.js driver (6.x) and mongosh print: `MongoServerSelectionError:
 * connect ECONNREFUSED 127.0.0.1:27017`, `MongoNetworkError: getaddrinfo ENOTFOUND mongo`, `MongoServerError: ...`.
 */
export class MongoError extends Error {
  override get name(): string {
    return 'MongoError';
  }
}

export class MongoNetworkError extends MongoError {
  constructor(
    message: string,
    /** The socket error's code (ECONNREFUSED, ENOTFOUND...) when there is one. */
    readonly code?: string,
  ) {
    super(message);
  }
  override get name(): string {
    return 'MongoNetworkError';
  }
}

export class MongoServerSelectionError extends MongoError {
  constructor(
    message: string,
    readonly reason?: Error,
  ) {
    super(message);
  }
  override get name(): string {
    return 'MongoServerSelectionError';
  }
}

/** A command the server refused (`{ok: 0}`) or a write error; carries the server's code and codeName. */
export class MongoServerError extends MongoError {
  readonly code: number | undefined;
  readonly codeName: string | undefined;
  constructor(readonly errorResponse: Doc) {
    super(String(errorResponse.errmsg ?? errorResponse.message ?? 'unknown error'));
    this.code = typeof errorResponse.code === 'number' ? errorResponse.code : undefined;
    this.codeName = typeof errorResponse.codeName === 'string' ? errorResponse.codeName : undefined;
  }
  override get name(): string {
    return 'MongoServerError';
  }
}

/** insertMany's failure: the write error's message, as the driver words MongoBulkWriteError. */
export class MongoBulkWriteError extends MongoServerError {
  override get name(): string {
    return 'MongoBulkWriteError';
  }
}

export class MongoParseError extends MongoError {
  override get name(): string {
    return 'MongoParseError';
  }
}

export class MongoInvalidArgumentError extends MongoError {
  override get name(): string {
    return 'MongoInvalidArgumentError';
  }
}

export class MongoTopologyClosedError extends MongoError {
  constructor() {
    super('Topology is closed');
  }
  override get name(): string {
    return 'MongoTopologyClosedError';
  }
}
