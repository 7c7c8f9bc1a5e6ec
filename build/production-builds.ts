/**
 * Production builds of the router, for what the reader's browser is sent.
 *
 * react-router 7's package exports name only its development build (dist/development), for
 * production bundles too (remix-run/react-router#12532, #14102): its dev-only warnings and checks
 * then ship to every reader. It publishes the production build beside it (dist/production, same
 * API); a production `vite build` is pointed there. The dev server and the tests keep the
 * development build, warnings and all. Every import of the bare specifier goes the same way, so
 * each bundle has one copy of the router (and of its React contexts).
 *
 * Its module also names each component for React's developer tools at the top level
 * (`NavLink.displayName = "NavLink";`). Such a write is a side effect to the bundler, so every
 * component the router defines is kept, with everything it uses (forms, fetchers, scroll
 * restoration, framework-mode scripts), whether the app uses it or not. Those lines are dropped
 * from the production module; the names are only ever read by developer tools.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Alias, Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** The folder a package is installed in (found through its package.json, which it exports). */
function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

const ROUTER_PRODUCTION = join(packageDir('react-router'), 'dist', 'production');

/** The aliases a production build of the client gets; none for the dev server or the tests. */
export function productionBuilds(command: 'build' | 'serve', mode: string): Alias[] {
  if (command !== 'build' || mode !== 'production') return [];
  return [{ find: /^react-router$/, replacement: join(ROUTER_PRODUCTION, 'index.mjs') }];
}

/** A whole line that only names a component for developer tools: `Name.displayName = "…";`. */
const DISPLAY_NAME_LINE = /^[A-Za-z_$][\w$]*\.displayName = "[^"\n]*";\n/gm;

/** A top-level component or context made by React (`var Link = React10.forwardRef(`). */
const REACT_FACTORY = /^(var [A-Za-z_$][\w$]* = )(React\d*\.(?:forwardRef|createContext|memo)\()/gm;

/**
 * `code` with its top-level displayName lines dropped (the only ones at the start of a line) and
 * its top-level React factory calls marked pure, as React's own are: both let the bundler drop
 * what the app never uses.
 */
export function shakeable(code: string): string {
  return code.replace(DISPLAY_NAME_LINE, '').replace(REACT_FACTORY, '$1/* @__PURE__ */ $2');
}

/** Makes the router's production files shakeable (see shakeable), so that unused components can be left out. */
export function routerTreeShaking(): Plugin {
  return {
    name: 'bulletin-router-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]react-router[\\/]dist[\\/]production[\\/][^\\/]+\.mjs$/ },
      handler(code) {
        const shaken = shakeable(code);
        return shaken === code ? null : { code: shaken, map: null };
      },
    },
  };
}
