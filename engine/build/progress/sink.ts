/** Where a printer's text goes: a process's stderr (a `Writable` from engine/programs/streams.ts fits) or a test. */
export interface TextSink {
  write(text: string): Promise<void> | void;
}

/** The clock a printer reads when it redraws; without one it goes by the latest time seen in the updates. */
export type Now = () => number;
