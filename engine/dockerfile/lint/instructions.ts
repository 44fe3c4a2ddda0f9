// MaintainerDeprecated, LegacyKeyValueFormat, MultipleInstructionsDisallowed, SecretsUsedInArgOrEnv: rules that
// look at one instruction, or at the instructions of one stage, without needing variable scope.
import { goQuote } from '../../core/go-quote.ts';
import { spanOf, type LintCommand, type LintModel, type LintSteps } from './model.ts';
import type { Report } from './rules.ts';

/** Only the last of these takes effect in the image config, so earlier ones are almost always a mistake. */
const SINGLE_PER_STAGE = new Set(['cmd', 'entrypoint', 'healthcheck']);

const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|\d*$)/i;
const NOT_SECRET = /(?:_|^)(?:public)(?:_|\d*$)/i;

export const isSecretKey = (key: string) => SECRET.test(key) && !NOT_SECRET.test(key);

function checkSecrets(c: LintCommand, report: Report): void {
  const cmd = c.command;
  const keys = cmd.kind === 'arg' ? cmd.args.map((a) => a.key) : cmd.kind === 'env' ? cmd.env.map((e) => e.key) : [];
  const label = cmd.kind.toUpperCase();
  for (const key of keys) {
    if (isSecretKey(key)) {
      report('SecretsUsedInArgOrEnv', `Do not use ARG or ENV instructions for sensitive data (${label} ${goQuote(key)})`, spanOf(c.node));
    }
  }
}

export function* checkInstructions(model: LintModel, report: Report): LintSteps {
  for (const m of model.metaArgs) checkSecrets({ node: m.node, command: m.command, keyword: 'ARG' }, report);
  for (const s of model.stages) {
    const last = new Map<string, LintCommand>();
    for (const c of s.commands) {
      yield;
      const cmd = c.command;
      if (cmd.kind === 'maintainer') {
        report('MaintainerDeprecated', 'Maintainer instruction is deprecated in favor of using label', spanOf(c.node));
      }
      if ((cmd.kind === 'env' && cmd.env.some((p) => p.noDelim)) || (cmd.kind === 'label' && cmd.labels.some((p) => p.noDelim))) {
        const name = cmd.kind.toUpperCase();
        report('LegacyKeyValueFormat', `"${name} key=value" should be used instead of legacy "${name} key value" format`, spanOf(c.node));
      }
      checkSecrets(c, report);
      if (SINGLE_PER_STAGE.has(cmd.kind)) {
        const previous = last.get(cmd.kind);
        if (previous !== undefined) {
          report(
            'MultipleInstructionsDisallowed',
            `Multiple ${cmd.kind.toUpperCase()} instructions should not be used in the same stage because only the last one will be used`,
            spanOf(previous.node),
          );
        }
        last.set(cmd.kind, c);
      }
    }
  }
}
