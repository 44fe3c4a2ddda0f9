import { describe, expect, it } from 'vitest';
import { displayablePorts } from '../../../engine/cli/commands/ps-ports.ts';

const both = (port: string) => [
  { hostIp: '0.0.0.0', hostPort: port },
  { hostIp: '::', hostPort: port },
];

// docker/cli formatter.DisplayablePorts, as `docker ps` fills the PORTS column.
describe('displayablePorts', () => {
  it('shows a port published on its own number for each address family', () => {
    expect(displayablePorts({ '27017/tcp': both('27017') })).toBe('0.0.0.0:27017->27017/tcp, [::]:27017->27017/tcp');
  });

  it('lists mappings to another number after the groups, and exposed ports without an address', () => {
    expect(displayablePorts({ '80/tcp': both('8080'), '7000/tcp': null })).toBe('7000/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
  });

  it('groups consecutive ports into ranges; a group closed by a break comes before the groups still open, as in Go', () => {
    const ports = { '9000/tcp': both('9000'), '9001/tcp': both('9001'), '5000/tcp': both('5000'), '53/udp': null, '54/udp': null };
    expect(displayablePorts(ports)).toBe('0.0.0.0:5000->5000/tcp, [::]:5000->5000/tcp, 53-54/udp, 0.0.0.0:9000-9001->9000-9001/tcp, [::]:9000-9001->9000-9001/tcp');
  });

  it('is empty for a container with no ports', () => {
    expect(displayablePorts({})).toBe('');
  });
});
