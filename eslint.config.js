import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', '.roundtable/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-definitions': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // The domain core stays pure: no I/O, no clock, no hidden randomness, nothing but zod.
    files: ['core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\.{1,2}/)', message: 'core/ imports only zod.' }] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Time arrives with the command context (ctx.now).' },
        { name: 'process', message: 'core/ has no environment.' },
        { name: 'console', message: 'core/ does no I/O.' },
        { name: 'crypto', message: 'Randomness arrives with the command context.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the injected random source.' },
      ],
    },
  },
  {
    // Only tabs/src/teams/ talks to Teams, so the rest of the tab runs (and is tested) without it.
    files: ['tabs/src/**/*.ts', 'tabs/src/**/*.tsx'],
    ignores: ['tabs/src/teams/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@microsoft/teams-js', message: 'Only tabs/src/teams/ imports teams-js.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportExpression[source.value='@microsoft/teams-js']",
          message: 'Only tabs/src/teams/ imports teams-js.',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: globals.node },
  },
);
