import type { ListFormats, ListRow, ListType } from '../../../engine/cli/format/index.ts';

/** `docker ps` as formatter/container.go describes it (header labels from NewContainerContext). */
export const PS_TYPE: ListType = {
  typeName: '*formatter.ContainerContext',
  headers: {
    ID: 'CONTAINER ID',
    Names: 'NAMES',
    Image: 'IMAGE',
    Command: 'COMMAND',
    CreatedAt: 'CREATED AT',
    RunningFor: 'CREATED',
    Ports: 'PORTS',
    State: 'STATE',
    Status: 'STATUS',
    Size: 'SIZE',
    Labels: 'LABELS',
    Mounts: 'MOUNTS',
    LocalVolumes: 'LOCAL VOLUMES',
    Networks: 'NETWORKS',
    Platform: 'PLATFORM',
  },
};

export const PS_FORMATS: ListFormats = {
  table: 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}',
  raw: 'container_id: {{.ID}}\nimage: {{.Image}}\n',
  rawQuiet: 'container_id: {{.ID}}',
  quietOverridesCustom: true,
};

function container(fields: Record<string, string>, labels: Record<string, string> = {}): ListRow {
  return {
    CreatedAt: '2025-05-30 12:07:14 +0000 UTC',
    State: 'running',
    Size: '0B',
    Mounts: '',
    LocalVolumes: '0',
    Networks: 'bridge',
    Platform: null,
    Labels: Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(','),
    Label: (name: string) => labels[name] ?? '',
    ...fields,
  };
}

/** The two containers of cli.md §1's `docker ps` example. */
export const PS_ROWS: readonly ListRow[] = [
  container(
    {
      ID: '3f2a9c1b7d4e', Image: 'mongo', Command: '"docker-entrypoint.s…"', RunningFor: '2 minutes ago', Status: 'Up 2 minutes',
      Ports: '0.0.0.0:27017->27017/tcp, [::]:27017->27017/tcp', Names: 'mongo',
    },
    { 'com.example.my-app': 'db & cache' },
  ),
  container({
    ID: '8c1d0e2f3a4b', Image: 'node:20', Command: '"docker-entrypoint.s…"', RunningFor: 'About an hour ago',
    Status: 'Exited (137) 5 seconds ago', State: 'exited', Ports: '', Names: 'api',
  }),
];
