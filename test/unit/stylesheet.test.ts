import { describe, expect, it } from 'vitest';
import { loadStylesheet } from '../../src/lib/stylesheet';

describe('loadStylesheet', () => {
  it('adds one <link rel="stylesheet"> per address however often it is asked for, and settles once it has loaded', async () => {
    const href = '/assets/once-abc.css';
    const first = loadStylesheet(href);
    const second = loadStylesheet(href);
    expect(second).toBe(first);
    await expect(first).resolves.toBeUndefined();
    const links = document.head.querySelectorAll(`link[rel="stylesheet"][href="${href}"]`);
    expect(links).toHaveLength(1);
  });

});
