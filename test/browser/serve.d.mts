import type { Server } from 'node:http';

export const MIME: Readonly<Record<string, string>>;
export function serve(root: string, options?: { prefix?: string }): Promise<Server>;
