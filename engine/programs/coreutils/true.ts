import type { Program } from '../process.ts';

/** true and false ignore their arguments, --help included (coreutils only honours it when it is the sole one). */
export const trueProgram: Program = async () => 0;
export const falseProgram: Program = async () => 1;
