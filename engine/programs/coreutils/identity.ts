import { defineProgram } from './common.ts';
import { groups, passwd } from './users.ts';
import type { NetStack } from '../../network/socket.ts';
import type { Kernel } from '../process.ts';

/** whoami, id, hostname, uname: who and where the process runs, read from its own machine. */

export const whoami = defineProgram('whoami', async (ctx) => {
  const o = await ctx.parse({});
  if (typeof o === 'number') return o;
  if (o.operands.length > 0) return ctx.usage(`extra operand ‘${o.operands[0]}’`);
  const user = passwd(ctx.fs).find((u) => u.uid === ctx.p.uid);
  if (!user) {
    await ctx.error(`cannot find name for user ID ${ctx.p.uid}`);
    return 1;
  }
  await ctx.out(user.name + '\n');
  return 0;
});

export const id = defineProgram('id', async (ctx) => {
  const o = await ctx.parse({ short: 'ugGnr', long: { user: { key: 'u' }, group: { key: 'g' }, groups: { key: 'G' }, name: { key: 'n' }, real: { key: 'r' } } });
  if (typeof o === 'number') return o;
  const users = passwd(ctx.fs);
  const allGroups = groups(ctx.fs);
  let uid = ctx.p.uid;
  let gid = ctx.p.gid;
  const who = o.operands[0];
  if (who !== undefined) {
    const u = users.find((x) => x.name === who) ?? (/^\d+$/.test(who) ? users.find((x) => x.uid === Number(who)) : undefined);
    if (!u) {
      await ctx.error(`‘${who}’: no such user`);
      return 1;
    }
    uid = u.uid;
    gid = u.gid;
  }
  const userName = users.find((u) => u.uid === uid)?.name;
  const groupName = (g: number) => allGroups.find((x) => x.gid === g)?.name;
  // Supplementary groups: the primary one, then those listing the user as a member.
  const gids = [gid, ...allGroups.filter((g) => userName !== undefined && g.members.includes(userName) && g.gid !== gid).map((g) => g.gid)];
  const named = (n: number, name: string | undefined) => (o.has('n') ? (name ?? String(n)) : String(n));
  if (o.has('u')) await ctx.out(named(uid, userName) + '\n');
  else if (o.has('g')) await ctx.out(named(gid, groupName(gid)) + '\n');
  else if (o.has('G')) await ctx.out(gids.map((g) => named(g, groupName(g))).join(' ') + '\n');
  else {
    const show = (n: number, name: string | undefined) => (name === undefined ? String(n) : `${n}(${name})`);
    await ctx.out(`uid=${show(uid, userName)} gid=${show(gid, groupName(gid))} groups=${gids.map((g) => show(g, groupName(g))).join(',')}\n`);
  }
  return 0;
});

export const hostname = defineProgram('hostname', async (ctx) => {
  const name = ctx.p.system.hostname;
  if (ctx.p.argv[1] === '-i' || ctx.p.argv[1] === '--ip-address') {
    // The addresses the name resolves to (in a container: its own line in /etc/hosts), each followed by a space.
    const net = ctx.p.system.services.net as NetStack | undefined;
    try {
      const addresses = net ? await net.resolve(name) : [];
      await ctx.out(addresses.map((a) => `${a} `).join('') + '\n');
      return 0;
    } catch {
      await ctx.error('Name or service not known');
      return 1;
    }
  }
  await ctx.out(name + '\n');
  return 0;
});

/** Used only when the machine does not say which kernel it runs (unit tests). */
const FALLBACK_KERNEL: Kernel = { release: '6.8.0-60-generic', version: '#63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025', machine: 'x86_64' };

export const uname = defineProgram('uname', async (ctx) => {
  const o = await ctx.parse({
    short: 'asnrvmpio',
    long: { all: { key: 'a' }, 'kernel-name': { key: 's' }, nodename: { key: 'n' }, 'kernel-release': { key: 'r' }, 'kernel-version': { key: 'v' }, machine: { key: 'm' }, 'operating-system': { key: 'o' } },
  });
  if (typeof o === 'number') return o;
  if (o.operands.length > 0) return ctx.usage(`extra operand ‘${o.operands[0]}’`);
  const all = o.has('a');
  const kernel = ctx.p.system.kernel ?? FALLBACK_KERNEL;
  const fields: [string, string][] = [
    ['s', 'Linux'],
    ['n', ctx.p.system.hostname],
    ['r', kernel.release],
    ['v', kernel.version],
    ['m', kernel.machine],
    ['o', 'GNU/Linux'],
  ];
  const picked = fields.filter(([k]) => all || o.has(k)).map(([, v]) => v);
  // -p and -i print "unknown" and are left out of -a, as on Linux.
  if (!all && o.has('p')) picked.splice(picked.length - (o.has('o') ? 1 : 0), 0, 'unknown');
  if (!all && o.has('i')) picked.splice(picked.length - (o.has('o') ? 1 : 0), 0, 'unknown');
  await ctx.out((picked.length > 0 ? picked : ['Linux']).join(' ') + '\n');
  return 0;
});

export const clear = defineProgram('clear', async (ctx) => {
  await ctx.out('\x1b[H\x1b[2J\x1b[3J');
  return 0;
});
