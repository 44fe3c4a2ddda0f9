/** Fixed texts redis-server prints at start: the kernel warning, the logo, Redis 8's bundled modules, usage. */
import type { RedisBuild } from './version.ts';

/**
 * Printed when vm.overcommit_memory is 0, the default of the Linux VMs Docker Desktop and most hosts run, so
 * nearly every `docker logs` of a redis container starts with it.
 */
export const OVERCOMMIT_WARNING =
  "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

/** asciilogo.h, shown instead of the "Running mode" line when stdout is a terminal (`docker run -it redis`). */
export function logo(b: RedisBuild, port: number): string {
  const edition = b.major >= 8 ? 'Redis Open Source' : 'Redis Community Edition';
  const lines = [
    '                _._',
    "           _.-``__ ''-._",
    `      _.-\`\`    \`.  \`_.  ''-._           ${edition}`,
    `  .-\`\` .-\`\`\`.  \`\`\`\\/    _.,_ ''-._     ${b.major >= 8 ? ' ' : ''}${b.version} (00000000/${b.modified}) 64 bit`,
    " (    '      ,       .-`  | `,    )     Running in standalone mode",
    ` |\`-._\`-...-\` __...-.\`\`-._|'\` _.-'|     Port: ${port}`,
    " |    `-._   `._    /     _.-'    |     PID: 1",
    "  `-._    `-._  `-./  _.-'    _.-'",
    " |`-._`-._    `-.__.-'    _.-'_.-'|",
    " |    `-._`-._        _.-'_.-'    |           https://redis.io",
    "  `-._    `-._`-.__.-'_.-'    _.-'",
    " |`-._`-._    `-.__.-'    _.-'_.-'|",
    " |    `-._`-._        _.-'_.-'    |",
    "  `-._    `-._`-.__.-'_.-'    _.-'",
    "      `-._    `-.__.-'    _.-'",
    "          `-._        _.-'",
    "              `-.__.-'",
  ];
  // Upstream pads the fixed lines with spaces to the logo's width; the lines with values are not padded.
  return `${lines.map((l, i) => (i === 3 || (i >= 4 && i <= 6) ? l : l.padEnd(69))).join('\n')}\n\n`;
}

/**
 * What redis:8.0.2 logs while loading the modules it bundles (RedisBloom, RediSearch, RedisTimeSeries, RedisJSON),
 * between "Running mode" and "Server initialized", as seen in `docker logs` of that image.
 */
export function moduleLines(version: string): string[] {
  return [
    '<bf> RedisBloom version 8.0.1 (Git=unknown)',
    '<bf> Registering configuration options: [',
    '<bf> \t{ bf-error-rate       :      0.01 }',
    '<bf> \t{ bf-initial-size     :       100 }',
    '<bf> \t{ bf-expansion-factor :         2 }',
    '<bf> \t{ cf-bucket-size      :         2 }',
    '<bf> \t{ cf-initial-size     :      1024 }',
    '<bf> \t{ cf-max-iterations   :        20 }',
    '<bf> \t{ cf-expansion-factor :         1 }',
    '<bf> \t{ cf-max-expansions   :        32 }',
    '<bf> ]',
    "Module 'bf' loaded from /usr/local/lib/redis/modules//redisbloom.so",
    `<search> Redis version found by RedisSearch : ${version} - oss`,
    '<search> RediSearch version 8.0.1 (Git=5688fcc)',
    '<search> Low level api version 1 initialized successfully ',
    '<search> Initialized thread pools!',
    '<search> Disabled workers threadpool of size 0',
    '<search> Subscribe to config changes',
    '<search> Enabled role change notification',
    '<search> Cluster configuration: AUTO partitions, type: 0, coordinator timeout: 0ms',
    '<search> Register write commands',
    `<timeseries> Redis version found by RedisTimeSeries : ${version} - oss`,
    '<ReJSON> Enabled diskless replication',
    '<ReJSON> Initialized shared string cache, thread safe: false.',
    "Module 'ReJSON' loaded from /usr/local/lib/redis/modules//rejson.so",
    '<search> Acquired RedisJSON_V5 API',
  ];
}

/** redis-server's usage(), which it prints to stderr before exiting 1. */
export const SERVER_USAGE = `Usage: ./redis-server [/path/to/redis.conf] [options] [-]
       ./redis-server - (read config from stdin)
       ./redis-server -v or --version
       ./redis-server -h or --help
       ./redis-server --test-memory <megabytes>
       ./redis-server --check-system

Examples:
       ./redis-server (run the server with default conf)
       echo 'maxmemory 128mb' | ./redis-server -
       ./redis-server /etc/redis/6379.conf
       ./redis-server --port 7777
       ./redis-server --port 7777 --replicaof 127.0.0.1 8888
       ./redis-server /etc/myredis.conf --loglevel verbose -
       ./redis-server /etc/myredis.conf --loglevel verbose

Sentinel mode:
       ./redis-server /etc/sentinel.conf --sentinel
`;
