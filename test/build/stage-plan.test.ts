import { describe, expect, it } from 'vitest';
import { parse } from '../../engine/dockerfile/instructions/index.ts';
import { parseDockerfile } from '../../engine/dockerfile/parser/index.ts';
import { planBuild } from '../../engine/build/stage-plan.ts';

const plan = (text: string, args: Record<string, string> = {}, target?: string) => planBuild(parse(parseDockerfile(text).ast), args, target);

describe('planBuild', () => {
  it('numbers a single stage [k/n] with FROM plus RUN, COPY, ADD and WORKDIR, metadata left out', () => {
    const p = plan('FROM node:20\nWORKDIR /app\nCOPY . .\nENV A=1\nRUN npm install\nEXPOSE 3000\nCMD ["node"]\n');
    expect(p.stages[0]).toMatchObject({ label: '', total: 4, base: { kind: 'image', ref: 'docker.io/library/node:20' } });
    expect(p.order).toEqual([0]);
  });

  it('builds only what the target needs: its base stage and COPY --from stages, dependencies first', () => {
    const text = 'FROM node:20 AS deps\nRUN a\nFROM alpine AS unused\nRUN b\nFROM deps AS build\nRUN c\nFROM nginx\nCOPY --from=build /x /y\n';
    const p = plan(text);
    expect(p.order).toEqual([0, 2, 3]);
    expect(p.stages.map((s) => s.label)).toEqual(['deps', 'unused', 'build', 'stage-3']);
    expect(p.stages[2]!.base).toEqual({ kind: 'stage', index: 0 });
    expect(plan(text, {}, 'deps').order).toEqual([0]);
  });

  it('expands FROM with meta ARGs, overridden by --build-arg, and the automatic platform ARGs', () => {
    const text = 'ARG V=20\nFROM node:${V}-alpine\nFROM busybox:${TARGETARCH}\n';
    expect(plan(text).stages[0]!.base).toEqual({ kind: 'image', ref: 'docker.io/library/node:20-alpine' });
    expect(plan(text, { V: '22' }).stages[0]!.base).toEqual({ kind: 'image', ref: 'docker.io/library/node:22-alpine' });
    expect(plan(text).stages[1]!.base).toEqual({ kind: 'image', ref: 'docker.io/library/busybox:amd64' });
  });

  it('fails as BuildKit does on an unknown target, a later stage in --from and a bad image name', () => {
    expect(() => plan('FROM alpine\n', {}, 'nope')).toThrow('target stage "nope" could not be found');
    expect(() => plan('FROM alpine AS a\nCOPY --from=b /x /y\nFROM alpine AS b\n', {}, 'a')).toThrow('cannot copy from stage "b", it needs to be defined before current stage "a"');
    expect(() => plan('FROM Alpine\n')).toThrow('failed to parse stage name "Alpine"');
  });

  it('pads k to the width of n in multi-digit stages', () => {
    const p = plan(`FROM alpine\n${'RUN x\n'.repeat(10)}`);
    expect(p.stages[0]!.total).toBe(11);
  });
});
