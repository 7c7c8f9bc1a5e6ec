/**
 * Compiles the inline boot script (src/boot/boot-script.ts, with what it imports) into one small
 * minified classic script, and gives the CSP source that allows exactly that text.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

export const BOOT_ENTRY = fileURLToPath(new URL('../src/boot/boot-script.ts', import.meta.url));

/** The boot script as it is inlined into every page: an IIFE, minified, with no trailing newline. */
export async function compileBootScript(entry: string = BOOT_ENTRY): Promise<string> {
  const output = await build({
    input: entry,
    write: false,
    logLevel: 'warn',
    // The options' reader must not drag in anything that reaches for a bundler's runtime.
    platform: 'browser',
    output: { format: 'iife', minify: true, comments: false },
  });
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (!chunk) throw new Error(`The boot script ${entry} compiled to nothing`);
  const code = chunk.code.trim();
  // Inlined as the text of a <script>: it must not be able to end that element early.
  if (/<\/script|<!--/i.test(code)) throw new Error('The compiled boot script contains </script or <!--');
  return code;
}

/** The CSP `script-src` source for one inline script: `'sha256-…'` of its exact text. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}
