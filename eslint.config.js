import js from '@eslint/js';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries, by folder (docs/architecture.md, "Layers"). Every import is resolved to the
 * file it names, so every spelling of it is caught: '../preferences/model', '../preferences/index',
 * '../../src/preferences/model', './x/../../preferences/model', `import type`, `export … from`,
 * `import()` and `require()` alike.
 *
 * The layers, lowest first. A room may import itself and the rooms below it, and the other rooms
 * of its own layer; rooms with a public face (index.ts) only through it.
 */
const FEATURES = ['news', 'article', 'preferences', 'about', 'alerts', 'listen', 'search'];
const LAYERS = [['config'], ['lib'], ['ui'], ['feed'], FEATURES, ['app']];
/** Rooms whose insides are their own: everyone else enters by index.ts. */
const FACED = new Set(['feed', ...FEATURES]);
/** The start-up path (before React, prerendering, the build): it may use every room, the faced ones by their index.ts. */
const START_UP = ['src/boot/!(boot-script).{ts,tsx}', 'build'];
/**
 * The inline boot script is bundled alone into every page: it takes the reader of stored options
 * and the area matching from src/preferences/stored.ts and postcode.ts itself, since the
 * preferences' index would bring React with it; and what is kept of dismissed alerts from
 * src/alerts/dismissed.ts, to hide them before the first paint.
 */
const BOOT_SCRIPT = 'src/boot/boot-script.ts';
/** Tests that use the app as a reader would (unit tests in test/unit may test a module's insides directly). */
const CLIENT_TESTS = ['test/component', 'test/support', 'test/browser'];

const entrance = (room) => (FACED.has(room) ? `./${room}/index.ts` : `./${room}`);
const describe = (rooms) => rooms.map((room) => (FACED.has(room) ? `${room} (its index.ts)` : room)).join(', ');

const layerZones = LAYERS.flatMap((layer, i) =>
  layer.map((room) => {
    const allowed = [...LAYERS.slice(0, i).flat(), ...layer.filter((other) => other !== room)];
    return {
      target: `src/${room}`,
      from: 'src',
      except: [`./${room}`, ...allowed.map(entrance)],
      message: allowed.length
        ? `src/${room} may import only itself and ${describe(allowed)}.`
        : `src/${room} may import nothing else in src.`,
    };
  }),
);

const faceZone = (target, what) => ({
  target,
  from: [...FACED].map((room) => `src/${room}`),
  except: ['./index.ts'],
  message: `${what} import the feed and the features only through their index.ts.`,
});

const boundaryZones = [
  ...layerZones,
  faceZone(START_UP, 'The start-up path (src/boot/, build/) may'),
  {
    ...faceZone(BOOT_SCRIPT, 'The boot script may use src/preferences/stored.ts and postcode.ts, src/alerts/dismissed.ts, and otherwise'),
    except: ['./index.ts', './stored.ts', './postcode.ts', './dismissed.ts'],
  },
  faceZone(CLIENT_TESTS, 'Component, support and browser tests'),
];

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
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
  {
    // One direction, by folder: see boundaryZones above.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: boundaryZones }],
    },
  },
  {
    // The app's links are src/ui/Link.tsx: react-router's own carry framework-mode prefetching into every page.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/ui/Link.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'react-router', importNames: ['Link', 'NavLink'], message: "Use Link from src/ui/Link.tsx: react-router's brings prefetching code to every page." }] },
      ],
    },
  },
);
