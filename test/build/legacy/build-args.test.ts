import { describe, expect, it } from 'vitest';
import { BuildArgs } from '../../../engine/build/legacy/build-args.ts';

describe('the legacy builder\'s build args', () => {
  it('a --build-arg is seen only where an ARG declares it, overriding its default', () => {
    const args = new BuildArgs(new Map([['VERSION', '2'], ['UNUSED', 'x']]));
    const stage = args.forStage();
    expect([...stage.allowed()]).toEqual([]);
    stage.addArg('VERSION', '1');
    stage.addArg('MODE', 'dev');
    expect(Object.fromEntries(stage.allowed())).toEqual({ VERSION: '2', MODE: 'dev' });
  });

  it('an ARG without a value takes the meta ARG of the same name, or has none', () => {
    const args = new BuildArgs(new Map());
    args.addArg('BASE', 'alpine');
    args.addMetaArg('BASE', 'alpine');
    const stage = args.forStage();
    stage.addArg('BASE', undefined);
    stage.addArg('OTHER', undefined);
    expect(Object.fromEntries(stage.allowed())).toEqual({ BASE: 'alpine' });
  });

  it('a bare --build-arg whose value the client did not have is nil: it overrides nothing', () => {
    const stage = new BuildArgs(new Map([['VERSION', undefined]])).forStage();
    stage.addArg('VERSION', '1');
    expect(stage.allowed().get('VERSION')).toBe('1');
  });

  it('FilterAllowed leaves out what ENV sets and sorts by name', () => {
    const stage = new BuildArgs(new Map()).forStage();
    stage.addArg('B', '2');
    stage.addArg('A', '1');
    stage.addArg('PATH', '/x');
    expect(stage.filterAllowed(['PATH=/usr/bin'])).toEqual(['A=1', 'B=2']);
  });

  it('proxy variables need no ARG but stay out of the history unless declared', () => {
    const stage = new BuildArgs(new Map([['HTTP_PROXY', 'http://proxy:3128']])).forStage();
    expect(stage.filterAllowed([])).toEqual(['HTTP_PROXY=http://proxy:3128']);
    expect(stage.isReferencedOrNotBuiltin('HTTP_PROXY')).toBe(false);
    stage.addArg('HTTP_PROXY', undefined);
    expect(stage.isReferencedOrNotBuiltin('HTTP_PROXY')).toBe(true);
  });

  it('reports the --build-args no stage declared, sorted, proxies excepted', () => {
    const args = new BuildArgs(new Map([['Z', '1'], ['USED', '1'], ['A', '1'], ['http_proxy', 'x']]));
    const stage = args.forStage();
    stage.addArg('USED', undefined);
    args.mergeReferenced(stage);
    expect(args.unused()).toEqual(['A', 'Z']);
  });
});
