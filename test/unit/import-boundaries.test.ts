/**
 * The import boundaries of eslint.config.js (docs/architecture.md, "Layers"), proved with the
 * project's own ESLint configuration: each import below is linted as if it stood in the file
 * named, and must be reported (or not) by import-x/no-restricted-paths.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
let eslint: ESLint;

beforeAll(() => {
  // The project's configuration, plus a check that each probe names a real file: an import the
  // resolver cannot find is never restricted, so an "allowed" that did not resolve would prove nothing.
  eslint = new ESLint({ cwd: root, overrideConfig: { rules: { 'import-x/no-unresolved': 'error' } } });
});

/** The boundary problems ESLint reports for `code` in the file at `file` (relative to the repository). */
async function boundaryProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(root, file) });
  const messages = result?.messages ?? [];
  expect(messages.filter((m) => m.fatal), 'the probe parses').toEqual([]);
  expect(messages.filter((m) => m.ruleId === 'import-x/no-unresolved').map((m) => m.message), 'the probe names a real file').toEqual([]);
  return messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

// Every form of one import: by folder, index, file, from the repository's root, through a detour,
// as a type, as a re-export, dynamically and by require().
const forms = (target: string, name = 'x') => [
  `import { ${name} } from '${target}';`,
  `import type { ${name} } from '${target}';`,
  `export { ${name} } from '${target}';`,
  `export * from '${target}';`,
  `void import('${target}');`,
  `require('${target}');`,
];

async function expectReported(file: string, targets: string[]) {
  for (const target of targets) {
    for (const code of forms(target)) {
      expect(await boundaryProblems(file, code), `${file}: ${code}`).toHaveLength(1);
    }
  }
}

async function expectAllowed(file: string, targets: string[]) {
  for (const target of targets) {
    for (const code of forms(target)) {
      expect(await boundaryProblems(file, code), `${file}: ${code}`).toEqual([]);
    }
  }
}

// Linting loads TypeScript's parser and lints some 300 probes: seconds, more on a busy machine.
describe('Import boundaries (eslint.config.js)', { timeout: 60_000 }, () => {
  it('keep shared layers from importing a feature, by any path to it, its index included', async () => {
    const everyWay = ['../preferences', '../preferences/index', '../preferences/index.ts', '../preferences/model', '../../src/preferences/model', './x/../../preferences/model'];
    await expectReported('src/ui/Probe.tsx', everyWay);
    await expectReported('src/feed/Probe.ts', everyWay);
    await expectReported('src/lib/probe.ts', [...everyWay, '../news', '../app/App']);
  });

  it('keep shared layers from importing the app', async () => {
    await expectReported('src/feed/Probe.ts', ['../app/App', '../app/routes']);
    await expectReported('src/ui/Probe.tsx', ['../app/Layout']);
  });

  it('hold the order of the shared layers: config, lib, ui, feed', async () => {
    await expectReported('src/config/probe.ts', ['../lib/slug']);
    await expectReported('src/lib/probe.ts', ['../ui/PageHeading', '../feed']);
    await expectReported('src/ui/Probe.tsx', ['../feed', '../feed/types']);
    await expectAllowed('src/lib/probe.ts', ['../config/paths', './slug']);
    await expectAllowed('src/ui/Probe.tsx', ['../lib/dates', '../config/paths', './PageHeading']);
    await expectAllowed('src/feed/Probe.ts', ['../ui/Loading', '../lib/slug', './normalise']);
  });

  it('keep a feature out of another feature’s insides, by any path to them', async () => {
    await expectReported('src/news/Probe.tsx', ['../preferences/model', '../../src/preferences/model', './x/../../preferences/postcode', '../article/body-html']);
    await expectAllowed('src/news/Probe.tsx', ['../preferences', '../preferences/index', '../../src/preferences', './x/../../preferences', '../article']);
  });

  it('keep everything outside src/feed out of the feed’s insides', async () => {
    const insides = ['../feed/queries', '../feed/types', '../feed/FeedGate', './x/../../feed/normalise'];
    await expectReported('src/news/Probe.tsx', insides);
    await expectReported('src/app/Probe.tsx', insides);
    await expectAllowed('src/news/Probe.tsx', ['../feed', '../feed/index', './x/../../feed']);
    await expectAllowed('src/feed/Probe.ts', ['./queries', './types']);
  });

  it('keep features from importing the app, and the app out of features’ insides', async () => {
    await expectReported('src/article/Probe.tsx', ['../app/App']);
    await expectReported('src/app/Probe.tsx', ['../news/ItemList', '../preferences/model', '../about/AccessibilityPage']);
    await expectAllowed('src/app/Probe.tsx', ['../news', '../preferences', '../feed', '../ui/QuickExit', './Layout', '../about']);
  });

  it('let the start-up path use the features and the feed by their index.ts only', async () => {
    await expectReported('src/boot/main.tsx', ['../feed/queries', '../feed/config', '../article/body-html']);
    await expectReported('src/boot/prerender.tsx', ['../feed/normalise']);
    await expectReported('src/boot/probe.ts', ['../preferences/model', '../feed/types']);
    await expectReported('build/probe.ts', ['../src/feed/normalise', '../src/preferences/model']);
    await expectAllowed('src/boot/main.tsx', ['../feed', '../article', '../preferences', '../app/App', '../lib/storage', './hydrate']);
    await expectAllowed('build/probe.ts', ['../src/feed', '../src/boot/prerender', '../src/boot/after-paint']);
  });

  it('let the boot script take the stored options’ reader, and nothing else, from inside preferences', async () => {
    await expectAllowed('src/boot/boot-script.ts', ['../preferences/stored', '../preferences/postcode', './after-paint']);
    await expectReported('src/boot/boot-script.ts', ['../preferences/model', '../preferences/PreferencesProvider', '../feed/types']);
  });

  it('let the boot script take what is kept of dismissed alerts, and nothing else, from inside alerts; others use the alerts’ face', async () => {
    await expectAllowed('src/boot/boot-script.ts', ['../alerts/dismissed']);
    await expectReported('src/boot/boot-script.ts', ['../alerts/AlertBanner', '../alerts/store']);
    await expectReported('src/app/Probe.tsx', ['../alerts/dismissed', '../alerts/AlertBanner']);
    await expectAllowed('src/app/Probe.tsx', ['../alerts']);
    await expectReported('src/alerts/Probe.tsx', ['../news/group', '../app/Layout']);
    await expectAllowed('src/alerts/Probe.tsx', ['../feed', '../preferences', '../lib/storage']);
  });

  it('let a release take "Listen" by its face only; keep Listen out of other features’ insides and the app', async () => {
    await expectAllowed('src/article/Probe.tsx', ['../listen', '../listen/index']);
    await expectReported('src/article/Probe.tsx', ['../listen/Listen', '../listen/reader', './x/../../listen/reading']);
    await expectReported('src/app/Probe.tsx', ['../listen/Listen']);
    await expectReported('src/listen/Probe.tsx', ['../article/body-html', '../app/App', '../preferences/model']);
    await expectAllowed('src/listen/Probe.tsx', ['../lib/storage', '../article', './reading']);
    await expectReported('test/component/probe.test.tsx', ['../../src/listen/reader']);
  });

  it('keep search’s insides its own: others use its face, and it uses the feed’s', async () => {
    await expectReported('src/app/Probe.tsx', ['../search/engine', '../search/SearchPage']);
    await expectAllowed('src/app/Probe.tsx', ['../search']);
    await expectReported('src/search/Probe.tsx', ['../feed/types', '../app/Layout', '../news/group']);
    await expectAllowed('src/search/Probe.tsx', ['../feed', '../news', '../lib/dates', './engine']);
    await expectReported('test/component/probe.test.tsx', ['../../src/search/engine']);
  });

  it('let no room import the start-up path', async () => {
    await expectReported('src/app/Probe.tsx', ['../boot/main', '../boot/prerender', '../boot/hydrate']);
  });

  it('keep component tests on the public faces, and let unit tests test a module’s insides', async () => {
    await expectReported('test/component/probe.test.tsx', ['../../src/feed/types', '../../src/article/body-html']);
    await expectReported('test/support/probe.tsx', ['../../src/preferences/model']);
    await expectAllowed('test/component/probe.test.tsx', ['../../src/feed', '../../src/article', '../../src/app/App', '../../src/config/paths']);
    await expectAllowed('test/unit/probe.test.ts', ['../../src/feed/normalise', '../../src/preferences/postcode']);
  });
});
