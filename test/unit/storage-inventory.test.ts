/** The one list of what the site keeps on the device: built from the code's own names, and named in docs/privacy.md. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storageInventory } from '../../src/about/storage-inventory';
import { serialisePreferences, DEFAULT_PREFERENCES } from '../../src/preferences/model';
import { storedShape } from '../../src/preferences/stored-shape';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/privacy.md'), 'utf8');

describe('the list of what the site keeps', () => {
  const all = storageInventory({ quickExit: true, options: storedShape() });

  it('takes the options’ fields from what is written, in order', () => {
    const options = all.find((t) => t.place === 'Local storage');
    expect(options?.fields.map((f) => f.name)).toEqual(Object.keys(JSON.parse(serialisePreferences(DEFAULT_PREFERENCES)) as object));
    for (const field of options?.fields ?? []) expect(field.holds, field.name).not.toBe('');
  });

  it('leaves out the note of "Leave this site" on a site without it', () => {
    const without = storageInventory({ quickExit: false, options: storedShape() });
    expect(all.map((t) => t.name).filter((n) => !without.some((t) => t.name === n))).toEqual(['bulletin:left']);
  });

  it('is named, thing by thing and field by field, in docs/privacy.md', () => {
    for (const thing of all) {
      expect(DOC, thing.name).toContain(`\`${thing.name}`);
      for (const field of thing.fields) expect(DOC, `${thing.name} ${field.name}`).toContain(`\`${field.name}\``);
    }
  });
});
