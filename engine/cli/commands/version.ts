import type { Command, CommandContext } from '../command.ts';
import { tabwrite } from '../tabwriter.ts';
import { goStruct } from '../template/index.ts';
import { CLIENT, SERVER } from '../../core/version-info.ts';
import { writeFormatted } from './format.ts';

/** `docker version`: client and server versions, through a tabwriter (min width 20, padding 1) as docker does. */
export const versionCommand: Command = {
  paths: ['docker version'],
  args: { kind: 'none' },
  async run(ctx) {
    const data = versionData(ctx);
    const tabs = (s: string) => tabwrite(s, { minWidth: 20, padding: 1 });
    if (ctx.flags.changed('format')) {
      return writeFormatted(ctx.flags.string('format'), data, 'version', (s) => ctx.stdout.write(s), tabs);
    }
    await ctx.stdout.write(tabs(defaultText(ctx)) + '\n');
    return 0;
  },
};

function defaultText(ctx: CommandContext): string {
  const lines = [
    'Client:',
    ` Version:\t${CLIENT.version}`,
    ` API version:\t${CLIENT.apiVersion}`,
    ` Go version:\t${CLIENT.goVersion}`,
    ` Git commit:\t${CLIENT.gitCommit}`,
    ` Built:\t${CLIENT.built}`,
    ` OS/Arch:\t${CLIENT.os}/${CLIENT.arch}`,
    ` Context:\t${ctx.globals.context}`,
    '',
    'Server:',
    ' Engine:',
    `  Version:\t${SERVER.version}`,
    `  API version:\t${SERVER.apiVersion} (minimum version ${SERVER.minApiVersion})`,
    `  Go version:\t${SERVER.goVersion}`,
    `  Git commit:\t${SERVER.gitCommit}`,
    `  Built:\t${CLIENT.built}`,
    `  OS/Arch:\t${CLIENT.os}/${CLIENT.arch}`,
    `  Experimental:\tfalse`,
  ];
  for (const [name, c] of [['containerd', SERVER.containerd], ['runc', SERVER.runc], ['docker-init', SERVER.init]] as const) {
    lines.push(` ${name}:`, `  Version:\t${c.version}`, `  GitCommit:\t${c.commit}`);
  }
  return lines.join('\n');
}

/** docker's versionInfo as templates and `--format json` see it (field order as in the Go types). */
function versionData(ctx: CommandContext) {
  const component = (name: string, version: string, details: Record<string, string>) =>
    goStruct({ name: 'types.ComponentVersion', omitEmpty: ['Details'] }, { Name: name, Version: version, Details: new Map(Object.entries(details)) });
  return goStruct(
    { name: 'system.versionInfo' },
    {
      Client: goStruct(
        { name: 'system.clientVersion', json: { APIVersion: 'ApiVersion' }, omitEmpty: ['Platform', 'Experimental'] },
        {
          Platform: null,
          Version: CLIENT.version,
          APIVersion: CLIENT.apiVersion,
          DefaultAPIVersion: CLIENT.apiVersion,
          GitCommit: CLIENT.gitCommit,
          GoVersion: CLIENT.goVersion,
          Os: CLIENT.os,
          Arch: CLIENT.arch,
          BuildTime: CLIENT.built,
          Context: ctx.globals.context,
        },
      ),
      Server: goStruct(
        { name: 'types.Version', json: { APIVersion: 'ApiVersion' }, omitEmpty: ['Components', 'Experimental'] },
        {
          Platform: goStruct({ name: 'struct { Name string }' }, { Name: '' }),
          Components: [
            component('Engine', SERVER.version, {
              ApiVersion: SERVER.apiVersion,
              Arch: CLIENT.arch,
              BuildTime: CLIENT.built,
              Experimental: 'false',
              GitCommit: SERVER.gitCommit,
              GoVersion: SERVER.goVersion,
              KernelVersion: SERVER.kernelVersion,
              MinAPIVersion: SERVER.minApiVersion,
              Os: CLIENT.os,
            }),
            component('containerd', SERVER.containerd.version, { GitCommit: SERVER.containerd.commit }),
            component('runc', SERVER.runc.version, { GitCommit: SERVER.runc.commit }),
            component('docker-init', SERVER.init.version, { GitCommit: SERVER.init.commit }),
          ],
          Version: SERVER.version,
          APIVersion: SERVER.apiVersion,
          MinAPIVersion: SERVER.minApiVersion,
          GitCommit: SERVER.gitCommit,
          GoVersion: SERVER.goVersion,
          Os: CLIENT.os,
          Arch: CLIENT.arch,
          KernelVersion: SERVER.kernelVersion,
          Experimental: false,
          BuildTime: SERVER.buildTime,
        },
      ),
    },
  );
}
