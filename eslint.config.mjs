// ESLint, run by `npm test` (scripts/test.ts): the recommended JavaScript and typescript-eslint
// rules over every source, test and script. Formatting is Prettier's, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'web/*/dist/', 'data/', 'test-artifacts/', 'core/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (a callback's position, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Text hygiene matches NUL and other control characters on purpose (visible-text, storage keys, CSV guards).
      'no-control-regex': 'off',
      // require() only where an import cannot do: JSON read at run time, packages that print or look
      // up binaries when loaded (natural's parts, the ffmpeg installers), s3rver without types.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['\\.json$', '^natural/', '^@ffmpeg-installer/', '^@ffprobe-installer/', '^s3rver$'] }],
    },
  },
  {
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
