import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rolldown, type Plugin as RolldownPlugin } from 'rolldown';
import { afterAll, describe, expect, it } from 'vitest';
import { productionBuilds, routerTreeShaking, shakeable } from '../../build/production-builds';

const dir = mkdtempSync(join(tmpdir(), 'bulletin-router-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The router as the app's entry uses it (hooks and routes only), bundled for production with or without the plugin. */
async function bundleRouter(withPlugin: boolean): Promise<string> {
  const [alias] = productionBuilds('build', 'production');
  if (!alias) throw new Error('no alias for a production build');
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, `import { useHref, useLinkClickHandler, Routes, Route } from ${JSON.stringify(alias.replacement)};\nexport { useHref, useLinkClickHandler, Routes, Route };\n`);
  const bundle = await rolldown({
    input: entry,
    external: [/^react(-dom)?(\/.*)?$/],
    plugins: withPlugin ? [routerTreeShaking() as unknown as RolldownPlugin] : [],
    logLevel: 'silent',
  });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  return output.map((o) => ('code' in o ? o.code : '')).join('\n');
}

describe('the router in a production build', () => {
  it('is its production build, for builds only: the dev server and the tests keep the development one', () => {
    const [alias] = productionBuilds('build', 'production');
    expect(alias?.replacement).toMatch(/react-router[\\/]dist[\\/]production[\\/]index\.mjs$/);
    expect(existsSync(alias?.replacement ?? '')).toBe(true);
    expect(productionBuilds('serve', 'development')).toEqual([]);
    expect(productionBuilds('build', 'test')).toEqual([]);
  });

  it('drops top-level displayName lines and marks top-level React factories pure, and nothing else', () => {
    const code = [
      'var Link = React10.forwardRef(function LinkWithRef() {});',
      'Link.displayName = "Link";',
      'var RouteContext = React.createContext(null);',
      'var Memo = React2.memo(Inner);',
      '  FetcherForm2.displayName = "fetcher.Form";',
      'var other = make();',
      '',
    ].join('\n');
    expect(shakeable(code)).toBe(
      [
        'var Link = /* @__PURE__ */ React10.forwardRef(function LinkWithRef() {});',
        'var RouteContext = /* @__PURE__ */ React.createContext(null);',
        'var Memo = /* @__PURE__ */ React2.memo(Inner);',
        '  FetcherForm2.displayName = "fetcher.Form";',
        'var other = make();',
        '',
      ].join('\n'),
    );
  });

  it('lets the bundler leave out the components the app does not use (forms, NavLink, scroll restoration)', async () => {
    const [plain, shaken] = await Promise.all([bundleRouter(false), bundleRouter(true)]);
    for (const unused of ['ScrollRestoration', 'NavLinkWithRef', 'getFormSubmissionInfo']) {
      expect(plain, `${unused} is kept without the plugin`).toContain(unused);
      expect(shaken, `${unused} is left out with it`).not.toContain(unused);
    }
    // What the app uses is still there.
    expect(shaken).toMatch(/function useLinkClickHandler/);
    expect(shaken.length).toBeLessThan(plain.length * 0.9);
  });
});
