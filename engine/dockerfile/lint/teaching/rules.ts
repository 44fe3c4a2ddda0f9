// Dockyard's teaching rules: advice for the editor and the lesson panel, never part of `docker build` output
// (BuildKit's own checks live one directory up and stay BuildKit's). Names follow BuildKit's style; they are ours.
import type { Span } from '../rules.ts';

/** A teaching rule's finding: BuildKit's warning shape, plus how much it matters, why, and what to write instead. */
export interface TeachingWarning {
  readonly rule: TeachingRuleName;
  /** One line, about this Dockerfile. */
  readonly message: string;
  readonly line: number;
  readonly endLine?: number;
  /** Docker's (or the tool's) documentation of the practice, where there is one. */
  readonly url?: string;
  readonly severity: 'warning' | 'info';
  /** Why it matters, in a few sentences, for a learner. */
  readonly explanation: string;
  /** What to write instead, with the Dockerfile's own names where they are known. */
  readonly fix: string;
}

const BEST_PRACTICES = 'https://docs.docker.com/build/building/best-practices/';

export const TEACHING_RULES = {
  DependenciesAfterSourceCopy: { severity: 'warning', url: 'https://docs.docker.com/build/cache/optimize/#order-your-layers' },
  LatestTag: { severity: 'warning', url: `${BEST_PRACTICES}#pin-base-image-versions` },
  AptListsNotCleaned: { severity: 'warning', url: `${BEST_PRACTICES}#apt-get` },
  ApkCache: { severity: 'warning', url: undefined },
  RunsAsRoot: { severity: 'info', url: `${BEST_PRACTICES}#user` },
  AddInsteadOfCopy: { severity: 'info', url: `${BEST_PRACTICES}#add-or-copy` },
  NpmCiRecommended: { severity: 'info', url: 'https://docs.npmjs.com/cli/commands/npm-ci' },
} as const satisfies Record<string, { severity: TeachingWarning['severity']; url: string | undefined }>;

export type TeachingRuleName = keyof typeof TEACHING_RULES;

export interface Advice {
  readonly message: string;
  readonly explanation: string;
  readonly fix: string;
}

export type Advise = (rule: TeachingRuleName, advice: Advice, at: Span) => void;
