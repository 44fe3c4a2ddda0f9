import { describe, expect, it } from 'vitest';
import { parseRequirement, parseRequirementsFile } from '../../../../engine/programs/packages/pip/requirement.ts';
import { canonicalName, compareVersions, satisfies } from '../../../../engine/programs/packages/pip/version.ts';

describe('PEP 440', () => {
  it('orders versions', () => {
    const sorted = ['1.0.post1', '1.0', '1.0rc1', '1.0.dev3', '0.9', '1.0a2', '2025.7.9', '1.0.1'].sort(compareVersions);
    expect(sorted).toEqual(['0.9', '1.0.dev3', '1.0a2', '1.0rc1', '1.0', '1.0.post1', '1.0.1', '2025.7.9']);
    expect(compareVersions('2.9.0.post0', '2.9.0')).toBe(1);
    expect(compareVersions('3.10', '3.9')).toBe(1);
  });

  it('matches specifier sets', () => {
    expect(satisfies('3.9.1', 'asgiref<4,>=3.6.0'.replace('asgiref', ''))).toBe(true);
    expect(satisfies('4.0', '<4,>=3.6.0')).toBe(false);
    expect(satisfies('2.2.0', '~=2.1')).toBe(true);
    expect(satisfies('3.0', '~=2.1')).toBe(false);
    expect(satisfies('1.4.2', '==1.4.*')).toBe(true);
    expect(satisfies('2.0.1', '!=1.8,!=2.0.1,<3')).toBe(false);
    expect(satisfies('1.0rc1', '')).toBe(false);
  });

  it('normalizes names and reads requirements', () => {
    expect(canonicalName('Charset_Normalizer')).toBe('charset-normalizer');
    expect(parseRequirement('uvicorn[standard] >= 0.30 ; python_version >= "3.8"')).toEqual({ text: 'uvicorn[standard] >= 0.30', name: 'uvicorn', key: 'uvicorn', spec: '>=0.30' });
    expect(parseRequirementsFile('--index-url https://pypi.org/simple\n# comment\nflask==3.1.1 # web\n-r base.txt\n-e .\n', 'requirements.txt')).toEqual([
      { req: { text: 'flask==3.1.1', name: 'flask', key: 'flask', spec: '==3.1.1', from: '-r requirements.txt (line 3)' } },
      { include: 'base.txt' },
      { unsupported: '-e .' },
    ]);
  });
});
