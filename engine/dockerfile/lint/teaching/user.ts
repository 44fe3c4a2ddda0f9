// RunsAsRoot: the image's final stage never switches to an unprivileged user, so its container runs as root.
import { parseReference } from '../../../image/reference.ts';
import { spanOf, type LintCommand, type LintModel, type LintStage } from '../model.ts';
import type { Advise } from './rules.ts';

/** The last USER in a stage, following `FROM <earlier stage>` back when the stage sets none. */
function effectiveUser(model: LintModel, index: number): LintCommand | undefined {
  const stage = model.stages[index]!;
  const own = stage.commands.filter((c) => c.command.kind === 'user').at(-1);
  if (own !== undefined) return own;
  const base = stage.stage.baseName.toLowerCase();
  const parent = model.stages.findIndex((s, i) => i < index && s.stage.name !== '' && s.stage.name === base);
  return parent >= 0 ? effectiveUser(model, parent) : undefined;
}

const isRoot = (user: string) => ['root', '0'].includes(user.split(':')[0]!);

/** The official node images ship an unprivileged `node` user. */
function isNodeImage(stage: LintStage): boolean {
  try {
    return parseReference(stage.stage.baseName).path === 'library/node';
  } catch {
    return false;
  }
}

export function checkUser(model: LintModel, advise: Advise): void {
  const last = model.stages.length - 1;
  if (last < 0) return;
  const user = effectiveUser(model, last);
  const userCmd = user?.command.kind === 'user' ? user.command : undefined;
  if (userCmd !== undefined && !isRoot(userCmd.user)) return;
  const final = model.stages[last]!;
  advise(
    'RunsAsRoot',
    {
      message:
        userCmd === undefined
          ? 'The container runs as root: the final stage sets no USER'
          : `The container runs as root: the last USER of the final stage is ${userCmd.user}`,
      explanation:
        'Without a USER, the process in the container runs as root (uid 0), unless the base image picked another ' +
        'user. If the application is broken into, the attacker is root inside the container, with full access to ' +
        'its files and any mounted volume, and one kernel bug away from the host.',
      fix: isNodeImage(final)
        ? 'Switch to the unprivileged user the node images provide, once the files are in place:\nUSER node'
        : 'Create an unprivileged user and switch to it before CMD:\nRUN useradd --system --no-create-home app\nUSER app\n(on Alpine: RUN adduser -S app)',
    },
    spanOf(userCmd !== undefined ? user!.node : final.node),
  );
}
