// LatestTag: a FROM whose image has no tag, or `:latest`, builds on whatever the publisher pushed last.
import { familiarName, parseReference } from '../../../image/reference.ts';
import { processWord } from '../../words/index.ts';
import { spanOf, type LintModel } from '../model.ts';
import type { Advise } from './rules.ts';

/** The meta ARGs' values (defaults, overridden by --build-arg), which is all FROM can expand. */
function metaArgValues(model: LintModel, buildArgs: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { command } of model.metaArgs) {
    for (const a of command.args) {
      const value = Object.hasOwn(buildArgs, a.key) ? buildArgs[a.key] : a.value;
      if (value !== undefined) env[a.key] = value;
    }
  }
  return env;
}

/** The image FROM names, expanded; undefined when it depends on a value not known here, or does not parse. */
function expandedImage(baseName: string, env: Readonly<Record<string, string>>, escapeToken: string): string | undefined {
  const names = [...baseName.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
  if (names.some((n) => !Object.hasOwn(env, n))) return undefined;
  try {
    return processWord(baseName, env, escapeToken);
  } catch {
    return undefined;
  }
}

export function checkBaseImages(model: LintModel, buildArgs: Readonly<Record<string, string>>, advise: Advise): void {
  const env = metaArgValues(model, buildArgs);
  const stageNames = new Set<string>();
  for (const s of model.stages) {
    const image = expandedImage(s.stage.baseName, env, model.escapeToken);
    const isStage = image !== undefined && stageNames.has(image.toLowerCase());
    if (s.stage.name !== '') stageNames.add(s.stage.name);
    if (image === undefined || isStage || image.toLowerCase() === 'scratch') continue;
    let ref;
    try {
      ref = parseReference(image);
    } catch {
      continue; // BuildKit reports an invalid reference itself
    }
    if (ref.digest !== undefined || (ref.tag !== undefined && ref.tag !== 'latest')) continue;
    const name = familiarName(ref);
    advise(
      'LatestTag',
      {
        message:
          ref.tag === undefined
            ? `\`${name}\` has no tag, so it means \`${name}:latest\`, which moves to each new release`
            : `\`${name}:latest\` moves to each new release`,
        explanation:
          'A tag is a name the publisher can point at a newer image at any time, and latest moves with every release. ' +
          'The same Dockerfile can then build on a different base next month, a new major version included, and ' +
          'break in ways no change of yours explains.',
        fix: `Name the version you build and test with: FROM ${name}:<version>\n(or pin the exact image with its digest: FROM ${name}:<version>@sha256:<digest>)`,
      },
      spanOf(s.node),
    );
  }
}
