/**
 * Issue 3: every combination of the reader's options on the list and on events (see matrix.ts).
 * The seed article's matrix is in options-matrix-article.test.ts, to keep each file near 30 s.
 */
import { test } from 'vitest';
import { paths } from '../../src/config/paths';
import { checkEveryCombination } from './matrix';
import { withBrowser } from './support';

withBrowser();

test('the list: axe clean in every combination, no sideways scrolling at 320 px', () => checkEveryCombination('/'));
test('events: axe clean in every combination, no sideways scrolling at 320 px', () => checkEveryCombination(paths.events.href()));
