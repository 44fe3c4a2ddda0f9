/** A flag's value the client refuses; the parser wraps its text in `invalid argument "x" for "--flag" flag: ...`. */
export class FlagValueError extends Error {}
