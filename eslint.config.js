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
    // Only api/src/adapters/ talks to Azure services, Bot Framework and Graph, so the application
    // runs (and is tested) on in-memory adapters; the Functions host stays at the edges.
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/adapters/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(@azure/(?!functions$)|@microsoft/(teams\\.|agents)|botbuilder|botframework)',
              message: 'Only api/src/adapters/ imports Azure, Bot Framework and Teams SDKs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['api/src/**/*.ts'],
    ignores: [
      'api/src/adapters/**',
      'api/src/http/**',
      'api/src/host/**',
      'api/src/index.ts',
      'api/src/routes.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@azure/|@microsoft/(teams\\.|agents)|botbuilder|botframework)',
              message: 'The Functions host stays in http/ and host/; only adapters/ imports SDKs.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and the benchmark use each package as its users do: by name, never by path or build.
    files: ['tests/**/*.ts', 'tests/**/*.tsx', 'bench/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)core/(src|dist)(/|$)', message: "Import '@roundtable/core'." },
            { regex: '(^|/)dist/', message: 'Import sources, not build output.' },
          ],
        },
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
