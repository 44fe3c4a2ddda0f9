// AddInsteadOfCopy: ADD of plain local files, where COPY says the same thing without ADD's extra powers.
import { spanOf, type LintModel } from '../model.ts';
import type { Advise } from './rules.ts';

/** What ADD may unpack (it detects tar archives, compressed or not); wildcards could match one. */
const MAYBE_ARCHIVE = /\.tar(?:\.|$)|\.(?:tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz4)$|[*?[]/i;
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;

export function checkAdd(model: LintModel, advise: Advise): void {
  for (const stage of model.stages) {
    for (const c of stage.commands) {
      const cmd = c.command;
      if (cmd.kind !== 'add' || cmd.sourceContents.length > 0 || cmd.checksum !== '' || cmd.sourcePaths.length === 0) continue;
      const plain = cmd.sourcePaths.every((s) => !REMOTE.test(s) && !MAYBE_ARCHIVE.test(s) && !s.includes('$'));
      if (!plain) continue;
      advise(
        'AddInsteadOfCopy',
        {
          message: 'ADD of local files: COPY does the same, and only that',
          explanation:
            'ADD also downloads URLs and unpacks local tar archives. For plain files and directories it behaves ' +
            'exactly like COPY, but a reader has to check the sources to know which of its jobs it is doing. COPY ' +
            'copies, nothing else.',
          fix: cmd.code.replace(/^\S+/, 'COPY'),
        },
        spanOf(c.node),
      );
    }
  }
}
