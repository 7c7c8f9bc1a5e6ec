import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'screenshots', 'bench-results'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.strict, jsxA11y.flatConfigs.strict],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // One direction: features never reach into each other, shared layers never reach up.
    files: ['src/feed/**', 'src/lib/**', 'src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/app/*', '**/news/*', '**/article/*', '**/preferences/*'], message: 'Shared layers must not import features or the app.' },
      ] }],
    },
  },
  ...['news', 'article', 'preferences'].map((feature) => ({
    // A feature may use another feature only through its public index (e.g. '../preferences').
    files: [`src/${feature}/**`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/app', '**/app/*'], message: 'Features must not import the app layer.' },
        ...['news', 'article', 'preferences'].filter((f) => f !== feature).map((other) => ({
          group: [`../${other}/*`, `**/src/${other}/*`],
          message: `Use the public index of ${other} ('../${other}'), not its insides.`,
        })),
      ] }],
    },
  })),
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
);
