import { parseCheckWith } from '../check-parse.ts';
import type { Check, CheckKind } from '../types.ts';
import { anonymousVolumesCheck } from './anonymous-volumes.ts';
import { buildCheck } from './build.ts';
import { commandCheck } from './command.ts';
import { containerCheck } from './container.ts';
import { fileCheck } from './file.ts';
import { imageCheck } from './image.ts';
import { networkCheck } from './network.ts';
import { notCheck, requireNotMessage } from './not.ts';
import { probeCheck } from './probe.ts';
import { volumeCheck } from './volume.ts';

/**
 * Every check kind, in order of precedence: a mapping's kind is the first of these keys it has, since `image` and
 * `network` are also options of `container`, and `expect` holds checks inside `probe`.
 */
// Each kind's evaluate takes only what its own parse returned; the table forgets the option types.
const KINDS = [probeCheck, notCheck, containerCheck, fileCheck, volumeCheck, anonymousVolumesCheck, buildCheck, commandCheck, networkCheck, imageCheck] as unknown as readonly CheckKind[];

export const CHECK_KINDS: ReadonlyMap<string, CheckKind> = new Map(KINDS.map((k) => [k.kind, k]));
const PRECEDENCE = KINDS.map((k) => k.kind);

export function parseCheck(raw: unknown, path: string): Check {
  const check = parseCheckWith(CHECK_KINDS, PRECEDENCE, raw, path);
  requireNotMessage(check);
  return check;
}
