/**
 * INFO: a short version of Redis's report (the sections and field names people look at, with values this
 * simulation knows), `field:value` lines ending in CRLF, sections separated by a blank line.
 */
import type { ClientState } from './kit.ts';
import type { RedisInstance } from './instance.ts';

const SECTIONS = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'keyspace'] as const;

function human(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(2)}K`;
  return `${(bytes / 1024 / 1024).toFixed(2)}M`;
}

export function serverInfo(s: RedisInstance, section: string | undefined, client: ClientState): string {
  void client;
  const uptime = Math.floor((s.now() - s.startedAt) / 1000);
  const mem = s.usedMemory();
  const build = s.init.build;
  const parts: Record<(typeof SECTIONS)[number], [string, string | number][]> = {
    server: [
      ['redis_version', build.version],
      ['redis_git_sha1', '00000000'],
      ['redis_git_dirty', build.modified],
      ['redis_build_id', build.buildId],
      ['redis_mode', 'standalone'],
      ['os', `Linux ${s.init.hostKernel ?? '6.10.14-linuxkit'} x86_64`],
      ['arch_bits', 64],
      ['multiplexing_api', 'epoll'],
      ['process_id', 1],
      ['tcp_port', s.config.port],
      ['uptime_in_seconds', uptime],
      ['uptime_in_days', Math.floor(uptime / 86400)],
      ['executable', '/data/redis-server'],
      ['config_file', s.config.configFile],
    ],
    clients: [
      ['connected_clients', s.clients.size],
      ['blocked_clients', 0],
    ],
    memory: [
      ['used_memory', mem],
      ['used_memory_human', human(mem)],
      ['maxmemory', s.config.get('maxmemory') ?? '0'],
      ['maxmemory_policy', s.config.get('maxmemory-policy') ?? 'noeviction'],
    ],
    persistence: [
      ['loading', 0],
      ['rdb_changes_since_last_save', s.dirty],
      ['rdb_bgsave_in_progress', 0],
      ['rdb_last_save_time', s.lastSave()],
      ['rdb_last_bgsave_status', s.lastBgsaveOk ? 'ok' : 'err'],
      ['aof_enabled', s.aofEnabled ? 1 : 0],
      ['aof_rewrite_in_progress', 0],
      ['aof_last_write_status', 'ok'],
    ],
    stats: [
      ['total_connections_received', s.stats.connections],
      ['total_commands_processed', s.stats.commands],
      ['expired_keys', s.stats.expiredKeys],
    ],
    replication: [
      ['role', 'master'],
      ['connected_slaves', 0],
    ],
    keyspace: s.keyspace.dbs.flatMap((db, i) => {
      const keys = s.keyspace.size(i);
      return keys === 0 ? [] : [[`db${i}`, `keys=${keys},expires=${db.expires.size},avg_ttl=0,subexpiry=0`] as [string, string]];
    }),
  };
  const wanted = section === undefined || section === 'all' || section === 'default' || section === 'everything' ? SECTIONS : SECTIONS.filter((x) => x === section);
  return wanted.map((name) => `# ${name[0]!.toUpperCase()}${name.slice(1)}\r\n${parts[name].map(([k, v]) => `${k}:${v}\r\n`).join('')}`).join('\r\n');
}
