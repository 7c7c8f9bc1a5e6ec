/**
 * Issue 3: every combination of the reader's options on the seed article (see matrix.ts).
 */
import { beforeAll, test } from 'vitest';
import { checkEveryCombination } from './matrix';
import { seedArticlePath, withBrowser } from './support';

withBrowser();

let seedPath = '';
beforeAll(async () => {
  seedPath = await seedArticlePath();
});

test('the seed article: axe clean in every combination, no sideways scrolling at 320 px', () =>
  checkEveryCombination(seedPath));
