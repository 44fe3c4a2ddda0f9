// DependenciesAfterSourceCopy and NpmCiRecommended: how a stage orders copying the project and installing its
// dependencies, which decides whether the slow install step stays cached while the code changes.
import { spanOf, type LintCommand, type LintModel } from '../model.ts';
import { dependencyInstall, isNpmInstall, type DependencyInstall } from './installs.ts';
import type { Advise } from './rules.ts';
import { runArgvs } from './run-commands.ts';

const LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json']);

/** A source naming the whole build context: `.`, `./`, `/`, `*`. */
function isWholeContext(source: string): boolean {
  const path = source.replace(/^\/+/, '').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  return path === '' || path === '.' || path === '*';
}

/** COPY or ADD from the build context (not from a stage or an image). */
function contextSources(c: LintCommand): readonly string[] {
  const cmd = c.command;
  if (cmd.kind === 'copy' && cmd.from === '') return cmd.sourcePaths;
  if (cmd.kind === 'add') return cmd.sourcePaths.filter((s) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !s.startsWith('git@'));
  return [];
}

const baseNameOf = (p: string) => p.replace(/\/+$/, '').slice(p.replace(/\/+$/, '').lastIndexOf('/') + 1);

function orderingAdvice(copy: LintCommand, install: DependencyInstall, installLine: number) {
  const manifests = install.manifests.join(' ');
  return {
    message: `${copy.command.code} copies the whole project before \`${install.command}\` (line ${installLine}): any source change reruns the install`,
    explanation:
      'Docker reuses a cached step only while nothing it depends on has changed. Copying the whole project first makes ' +
      'the install depend on every source file, so editing any file throws the cache away and the dependencies are ' +
      'downloaded and installed again on every build.',
    fix: `Copy only the dependency files first, install, then copy the rest:\nCOPY ${manifests} ./\nRUN ${install.command}\nCOPY . .`,
  };
}

export function checkDependencies(model: LintModel, advise: Advise): void {
  for (const stage of model.stages) {
    let wholeCopy: LintCommand | undefined;
    let lockfileCopied = false;
    for (const c of stage.commands) {
      const sources = contextSources(c);
      if (wholeCopy === undefined && sources.some(isWholeContext)) wholeCopy = c;
      if (sources.some((s) => LOCKFILES.has(baseNameOf(s)))) lockfileCopied = true;
      if (c.command.kind !== 'run') continue;
      for (const argv of runArgvs(c.command)) {
        const install = dependencyInstall(argv);
        if (install !== undefined && wholeCopy !== undefined) {
          advise('DependenciesAfterSourceCopy', orderingAdvice(wholeCopy, install, c.node.startLine), spanOf(wholeCopy.node));
          wholeCopy = undefined; // one warning per copy, at its first install
        }
        // Only a lockfile named outright: `package*.json` may match package.json alone, and npm ci needs the lock.
        if (lockfileCopied && isNpmInstall(argv)) {
          advise(
            'NpmCiRecommended',
            {
              message: `\`${argv.join(' ')}\` with package-lock.json copied in: npm ci installs exactly the locked versions`,
              explanation:
                'npm install may resolve newer versions than the lockfile records and rewrite it, so two builds of the ' +
                'same commit can get different packages. npm ci installs exactly what package-lock.json lists, fails ' +
                'if it disagrees with package.json, and starts from a clean node_modules.',
              fix: 'RUN npm ci\n(in an image that only runs the app: RUN npm ci --omit=dev)',
            },
            spanOf(c.node),
          );
        }
      }
    }
  }
}
