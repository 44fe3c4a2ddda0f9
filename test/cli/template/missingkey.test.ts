import { describe, expect, it } from 'vitest';
import { goStruct, NIL_MAP, Template, TemplateExecError } from '../../../engine/cli/template/index.ts';

const run = (text: string, data: unknown, ...options: string[]) => Template.parse(text).option(...options).execute(data);

function execError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateExecError);
    return (e as Error).message;
  }
  throw new Error('template ran');
}

describe("Go's missingkey option", () => {
  const data = { A: { B: 1 }, M: new Map([['k', 'v']]), Nil: NIL_MAP };

  it('prints <no value> for an absent key by default, and with invalid or zero (maps hold interface values)', () => {
    for (const options of [[], ['missingkey=default'], ['missingkey=invalid'], ['missingkey=zero']]) {
      expect(run('{{.Nope}}|{{.A.Nope}}|{{.M.nope}}|{{.Nil.nope}}|{{.A.B}}', data, ...options)).toBe('<no value>|<no value>|<no value>|<no value>|1');
    }
  });

  it('stops at an absent key with missingkey=error, in Go words', () => {
    expect(execError(() => run('x{{.A.Nope}}', data, 'missingkey=error'))).toBe('template: :1:5: executing "" at <.A.Nope>: map has no entry for key "Nope"');
    expect(execError(() => run('{{.M.nope}}', data, 'missingkey=error'))).toBe('template: :1:4: executing "" at <.M.nope>: map has no entry for key "nope"');
    expect(execError(() => run('{{.Nil.nope}}', data, 'missingkey=error'))).toBe('template: :1:6: executing "" at <.Nil.nope>: map has no entry for key "nope"');
    expect(run('{{.A.B}} {{.M.k}}', data, 'missingkey=error')).toBe('1 v');
  });

  it('leaves structs alone: an unknown field is an error whatever the option', () => {
    const s = goStruct({ name: 'types.Thing' }, { Name: 'x' });
    expect(execError(() => run('{{.Nope}}', s))).toBe('template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type types.Thing');
  });

  it('returns a copy: the parsed template keeps its own option', () => {
    const t = Template.parse('{{.Nope}}');
    const strict = t.option('missingkey=error');
    expect(t.execute({})).toBe('<no value>');
    expect(() => strict.execute({})).toThrow(TemplateExecError);
    expect(() => t.option('missingkey=maybe')).toThrow('unrecognized option: missingkey=maybe');
  });
});
