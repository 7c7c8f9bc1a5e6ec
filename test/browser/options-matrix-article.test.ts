/**
 * Issue 3: every combination of the reader's options on the seed article (see matrix.ts).
 */
import { test } from 'vitest';
import { checkEveryCombination } from './matrix';
import { SEED, withBrowser } from './support';

withBrowser();

test('the seed article: axe clean in every combination, no sideways scrolling at 320 px', () =>
  checkEveryCombination(SEED.path));
