/**
 * The client and daemon the simulator claims to be: Docker 28.2.2 as released (the client matches the real
 * 28.2.2 binary; the daemon's components are those shipped with it), on an Ubuntu 24.04 host.
 */
export const CLIENT = {
  version: '28.2.2',
  apiVersion: '1.50',
  goVersion: 'go1.24.3',
  gitCommit: 'e6534b4',
  built: 'Fri May 30 12:07:14 2025',
  os: 'linux',
  arch: 'amd64',
} as const;

export const SERVER = {
  version: '28.2.2',
  apiVersion: '1.50',
  minApiVersion: '1.24',
  goVersion: 'go1.24.3',
  gitCommit: '45873be',
  buildTime: '2025-05-30T12:07:14.000000000+00:00',
  kernelVersion: '6.8.0-60-generic',
  operatingSystem: 'Ubuntu 24.04.2 LTS',
  osVersion: '24.04',
  architecture: 'x86_64',
  cpus: 2,
  memTotal: 4_102_029_312,
  /** The daemon's ID (a UUID since Engine 23). */
  id: '8f3c2a1e-4b5d-4e6f-9a7b-0c1d2e3f4a5b',
  containerd: { version: 'v1.7.27', commit: '05044ec0a9a75232cad458027ca83437aae3f4da' },
  runc: { version: '1.2.5', commit: 'v1.2.5-0-g59923ef' },
  init: { version: '0.19.0', commit: 'de40ad0' },
} as const;
