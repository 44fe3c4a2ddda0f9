import { describe, expect, it } from 'vitest';
import { checkRename } from '../../../engine/runtime/containers/rename.ts';
import { record } from './fixtures.ts';

describe('checkRename: moby ContainerRename’s refusals', () => {
  const web = record({ name: 'web' });
  const db = record({ id: 'e'.repeat(64), name: 'db' });

  it('accepts a free valid name, with or without its slash', () => {
    expect(checkRename([web, db], web, 'api')).toBe('api');
    expect(checkRename([web, db], web, '/api')).toBe('api');
  });

  it('refuses the current name, an empty one, an invalid one and one another container holds', () => {
    expect(() => checkRename([web], web, 'web')).toThrow('Error response from daemon: Renaming a container with the same name as its current name');
    expect(() => checkRename([web], web, '/web')).toThrow('same name as its current name');
    expect(() => checkRename([web], web, '')).toThrow('Error response from daemon: Neither old nor new names may be empty');
    expect(() => checkRename([web], web, 'a b')).toThrow(
      'Error response from daemon: Error when allocating new name: Invalid container name (/a b), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
    );
    expect(() => checkRename([web, db], web, 'db')).toThrow(
      `Error response from daemon: Error when allocating new name: Conflict. The container name "/db" is already in use by container "${db.id}".`,
    );
  });
});
