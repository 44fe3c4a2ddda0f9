import { describe, expect, it } from 'vitest';
import { ellipsis } from '../../engine/cli/ellipsis.ts';

describe('ellipsis', () => {
  it('cuts to max-1 columns and adds …, counting wide characters as 2 (as the 28.2 client printed them)', () => {
    expect(ellipsis('ADD alpine-minirootfs-3.20.0-x86_64.tar.gz / # buildkit', 45)).toBe('ADD alpine-minirootfs-3.20.0-x86_64.tar.gz /…');
    expect(ellipsis('RUN 中文字中文字中文字中文字中文字中文字中文字中文字中文字中文字', 45)).toBe('RUN 中文字中文字中文字中文字中文字中文字中文…');
    expect(ellipsis('CMD ["/bin/sh"]', 45)).toBe('CMD ["/bin/sh"]');
  });
});
