import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingAssets } from '../../build/check';

const dirs: string[] = [];
function build(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-check-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const page = `<!doctype html><html><head>
  <meta name="bulletin:after-paint" content="feed:/feed.json modulepreload:/assets/b.js module:/assets/a.js" data-page="/">
  <link rel="stylesheet" href="/assets/a.css"><link rel="icon" href="/favicon.svg">
</head><body><a href="/news/some-release-1234567">A release</a><a href="https://example.org/x.png">Elsewhere</a></body></html>`;

describe('is the build complete?', () => {
  it('is when every file the page names, and every file it starts after the paint, is there', () => {
    const dir = build({ 'index.html': page, 'feed.json': '{}', 'assets/a.js': '', 'assets/b.js': '', 'assets/a.css': '', 'favicon.svg': '' });
    expect(missingAssets(dir)).toEqual([]);
  });

  it('names what the after-paint meta starts but is missing, and not the app’s own addresses or other hosts', () => {
    const dir = build({ 'index.html': page, 'assets/a.css': '', 'favicon.svg': '' });
    expect(missingAssets(dir).sort()).toEqual(['assets/a.js', 'assets/b.js', 'feed.json']);
  });
});
