/**
 * Non-local exits through the interpreter's recursion. They are exceptions because `exit` deep inside a function
 * inside a loop must unwind every level, and each construct that stops one (a loop, a function, a subshell)
 * catches only its own kind.
 */

export class ExitSignal {
  constructor(readonly status: number) {}
}

export class ReturnSignal {
  constructor(readonly status: number) {}
}

export class BreakSignal {
  constructor(readonly levels: number) {}
}

export class ContinueSignal {
  constructor(readonly levels: number) {}
}

/** The foreground job was interrupted (Ctrl-C): the whole line stops with 128+signal. */
export class Interrupted {
  constructor(readonly status: number) {}
}
