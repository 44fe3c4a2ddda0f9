/**
 * Where the network diagram puts things: the host on top with its published ports, then one box per network with
 * its containers in a grid, and the last connection as a path between them. Pure geometry on the engine's view, in
 * the SVG's own units (a fixed width the picture scales to its panel).
 */
import type { ConnectionView, NetworkBox, NetworkMember, NetworkView, PublishedPortView } from '../../engine/network/views.ts';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly host: Rect & { readonly name: string; readonly ports: readonly (Rect & { readonly port: PublishedPortView })[] };
  readonly networks: readonly (Rect & { readonly box: NetworkBox; readonly nodes: readonly (Rect & { readonly member: NetworkMember })[] })[];
  /** Peers of the last connection that are no longer on any network (a `--rm` client that has exited). */
  readonly ghosts: readonly (Rect & { readonly containerId: string; readonly name: string })[];
  /** A published port to the container behind it. */
  readonly portLinks: readonly Line[];
  readonly connection?: ConnectionPath;
}

export interface Line {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface ConnectionPath {
  readonly view: ConnectionView;
  /** From the dialler through each place it passed to where it arrived (or would have). */
  readonly points: readonly (readonly [number, number])[];
  /** It never left the namespace: drawn as a loop at this point. */
  readonly loop?: readonly [number, number];
  /** Where it stopped, for a failure, and on which side of the mark its label has room. */
  readonly stop?: readonly [number, number];
  readonly labelLeft?: boolean;
}

export const WIDTH = 320;
const MARGIN = 8;
const GAP = 12;
const NODE_W = 144;
const NODE_H = 46;
const NODE_GAP = 8;
const PORT_H = 20;
const HEADER_H = 36;
const PER_ROW = 2;

/** Default networks with nobody on them add nothing to the picture; bridges are always worth showing. */
function shown(box: NetworkBox): boolean {
  return box.driver === 'bridge' || box.containers.length > 0;
}

export function layoutNetwork(view: NetworkView): NetworkLayout {
  const inner = WIDTH - 2 * MARGIN;
  const portRows = Math.ceil(view.host.published.length / PER_ROW);
  const host = {
    x: MARGIN,
    y: MARGIN,
    w: inner,
    h: 28 + portRows * (PORT_H + 4) + 4,
    name: view.host.name,
    ports: view.host.published.map((port, i) => ({ ...gridCell(MARGIN + 8, MARGIN + 28, i, NODE_W, PORT_H, 4), port })),
  };
  let y = host.y + host.h + GAP;
  const networks = view.networks.filter(shown).map((box) => {
    const rows = Math.max(1, Math.ceil(box.containers.length / PER_ROW));
    const rect = { x: MARGIN, y, w: inner, h: HEADER_H + rows * (NODE_H + NODE_GAP) + 4 };
    const nodes = box.containers.map((member, i) => ({ ...gridCell(MARGIN + 8, y + HEADER_H, i, NODE_W, NODE_H, NODE_GAP), member }));
    y += rect.h + GAP;
    return { ...rect, box, nodes };
  });

  const drawn = new Set(networks.flatMap((n) => n.nodes.map((node) => node.member.containerId)));
  const ghosts: (Rect & { containerId: string; name: string })[] = [];
  const c = view.lastConnection;
  for (const peer of c ? [c.record.from, c.record.to] : []) {
    if (peer?.kind !== 'container' || drawn.has(peer.containerId) || ghosts.some((g) => g.containerId === peer.containerId)) continue;
    ghosts.push({ ...gridCell(MARGIN + 8, y, ghosts.length, NODE_W, NODE_H, NODE_GAP), containerId: peer.containerId, name: peer.containerName });
  }
  if (ghosts.length > 0) y += Math.ceil(ghosts.length / PER_ROW) * (NODE_H + NODE_GAP) + GAP;

  const portLinks = host.ports.flatMap((p) => {
    const node = nodeOf(networks, ghosts, p.port.containerId, (n) => n.member.ipAddress === p.port.containerIp);
    return node ? [{ x1: p.x + p.w / 2, y1: p.y + p.h, x2: node.x + node.w / 2, y2: node.y }] : [];
  });

  const layout = { width: WIDTH, height: y, host, networks, ghosts, portLinks };
  return c ? { ...layout, connection: connectionPath(c, layout) } : layout;
}

function gridCell(left: number, top: number, i: number, w: number, h: number, gap: number): Rect {
  return { x: left + (i % PER_ROW) * (w + gap), y: top + Math.floor(i / PER_ROW) * (h + gap), w, h };
}

type Placed = Pick<NetworkLayout, 'host' | 'networks' | 'ghosts'>;

/** A container's node: on the network `prefer` picks when it is on several, else its first. */
function nodeOf(networks: Placed['networks'], ghosts: Placed['ghosts'], containerId: string, prefer: (n: Rect & { member: NetworkMember }, network: NetworkBox) => boolean): Rect | undefined {
  const all = networks.flatMap((n) => n.nodes.filter((node) => node.member.containerId === containerId).map((node) => ({ node, network: n.box })));
  return (all.find((a) => prefer(a.node, a.network)) ?? all[0])?.node ?? ghosts.find((g) => g.containerId === containerId);
}

function centre(r: Rect): [number, number] {
  return [r.x + r.w / 2, r.y + r.h / 2];
}

/** The point on `r`'s edge that faces `p`: its bottom or top when `p` is below or above it, else a side. */
export function edgeToward(r: Rect, p: readonly [number, number]): [number, number] {
  const x = Math.min(Math.max(p[0], r.x + 10), r.x + r.w - 10);
  if (p[1] > r.y + r.h) return [x, r.y + r.h];
  if (p[1] < r.y) return [x, r.y];
  return [p[0] > r.x + r.w / 2 ? r.x + r.w : r.x, r.y + r.h / 2];
}

function connectionPath(view: ConnectionView, placed: Placed): ConnectionPath {
  const r = view.record;
  const bridges = r.hops.flatMap((h) => (h.kind === 'bridge' || h.kind === 'gateway' ? [h.networkName] : []));
  const place = (peer: NonNullable<typeof r.to>, prefer: (node: Rect & { member: NetworkMember }, network: NetworkBox) => boolean): Rect | undefined =>
    peer.kind === 'host' ? placed.host : nodeOf(placed.networks, placed.ghosts, peer.containerId, prefer);
  const from = place(r.from, (_, n) => n.name === bridges[0]);
  // The container as the address dialled names it (it may be on several networks).
  const to = r.to ? place(r.to, (node, n) => (r.address !== undefined && node.member.ipAddress === r.address) || n.name === bridges.at(-1)) : undefined;
  const pills = r.hops.flatMap((hop) => {
    const pill = hop.kind === 'published-port' ? placed.host.ports.find((p) => p.port.hostPort === hop.hostPort) : undefined;
    return pill ? [pill] : [];
  });
  const sameEnd = to !== undefined && from === to;
  // The host dials its own published port from inside its box: the path starts at the port.
  const origin = r.from.kind === 'host' && pills.length > 0 ? [] : [from ?? placed.host];
  const stops: Rect[] = [...origin, ...pills, ...(to && !sameEnd ? [to] : [])];
  // Lines leave and enter a box at the edge facing the next one, so they do not run over its text; pills are passed through.
  const points = stops.map((rect, i) => {
    if (stops.length === 1 || (i > 0 && i < stops.length - 1)) return centre(rect);
    return edgeToward(rect, centre(stops[i === 0 ? 1 : i - 1]!));
  });
  const start = points[0]!;
  const loop = sameEnd || (r.hops.length > 0 && r.hops.every((h) => h.kind === 'loopback')) ? start : undefined;
  const end = points.at(-1)!;
  let stop: [number, number] | undefined;
  let labelLeft = false;
  if (r.failedAt === 'dns' || (r.failedAt && points.length === 1)) {
    // Stopped before leaving: marked beside the dialler, on the side with room for the label.
    labelLeft = from !== undefined && from.x >= WIDTH / 2;
    stop = from ? [labelLeft ? from.x - 10 : from.x + from.w + 10, from.y + from.h / 2] : start;
  } else if (r.failedAt) {
    stop = r.failedAt === 'route' ? [(start[0] + end[0]) / 2, (start[1] + end[1]) / 2] : end;
    labelLeft = stop[0] > WIDTH / 2;
  }
  return { view, points, ...(loop ? { loop } : {}), ...(stop ? { stop, labelLeft } : {}) };
}
