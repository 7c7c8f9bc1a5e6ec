/**
 * npm run check-feed -- <path-or-url>
 * Reads a news or events source exactly as the build does (with the site file's categories and
 * areas when there is one) and prints each problem in plain words, then a summary.
 * Exits 0 when the source is usable, 1 when it is not, 2 when used wrongly. Never a stack trace.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const location = process.argv[2];
if (!location || process.argv.length > 3) {
  console.error('Usage: npm run check-feed -- <path-or-url>');
  process.exit(2);
}
try {
  const { module } = await runnerImport(join(ROOT, 'build/sources/check.ts'), { root: ROOT, configFile: false, logLevel: 'error' });
  const result = await module.checkFeed(location);
  for (const line of result.lines) console.log(line);
  process.exit(result.usable ? 0 : 1);
} catch (e) {
  console.error(`Error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  process.exit(1);
}
