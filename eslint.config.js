import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  // Sample projects are the student's code the simulator runs, not ours: linted by nothing but the scenarios.
  { ignores: ['dist/', 'node_modules/', 'test/browser/output/', 'scenarios/projects/', 'scenarios/*/project/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    // The engine must run unchanged in a page, a worker and Node: no host APIs.
    files: ['engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['fs', 'path', 'crypto', 'os', 'child_process', 'url'], patterns: ['node:*', '**/src/**'] },
      ],
    },
  },
);
