/**
 * Everything this site keeps on the reader's device, in one list: the one definition that "What
 * this site keeps on your device" (./StoragePage.tsx) shows, and that the browser test
 * (test/browser/storage-page.test.ts) compares with what a real session stores. The names come
 * from the code that writes them (the options' key and fields from src/preferences, given by
 * src/app as `options`, as importing the preferences into this chunk would split the entry; the note
 * "Leave this site" leaves from src/lib/quick-exit.ts, the service worker's caches from
 * src/lib/offline-storage.ts, which the build gives to Workbox): only the words are written here.
 * This site sets no cookies.
 */
import { SERVICE_WORKER_FILE } from '../config/paths';
import { EXPIRATION_DATABASE, FEED_CACHE, IMAGE_CACHE, PRECACHE_NAME_START } from '../lib/offline-storage';
import { LEFT_KEY } from '../lib/quick-exit';
import type { StoredPreferences, StoredShape } from '../preferences';

/** Where in the browser a thing is kept, by the name the browser's own tools give it. */
export type Place = 'Local storage' | 'Session storage' | 'Cache storage' | 'IndexedDB' | 'Service workers';

export interface StoredField {
  name: string;
  holds: string;
}

export interface KeptThing {
  heading: string;
  place: Place;
  /** Its name there. */
  name: string;
  /** Whether `name` is only how the name starts (the precache's goes on with the site's address). */
  nameIsStart: boolean;
  what: string;
  why: string;
  howLong: string;
  /** What is sent anywhere: for everything here, nothing. */
  sent: string;
  /** The fields of a stored value, in the order they are stored. */
  fields: readonly StoredField[];
}

const STAYS = 'Nothing. It stays on this device.';
const UNTIL_CLEARED = 'until you clear this site’s data';

function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] ?? ''}`;
}

/** What each field of the stored options holds (every field of StoredPreferences, and no other). */
function optionFields({ fields, textSizes }: StoredShape): StoredField[] {
  const holds: { readonly [K in keyof StoredPreferences]: string } = {
    version: 'Which version of this list of options it is, so that a later version of this site reads it correctly.',
    textSize: `The text size you chose: ${orList(textSizes)}.`,
    textOnly: 'Whether you chose Text only: true or false.',
    postcode:
      'The first half of your postcode and, if you gave all of it, the first digit of the second half (such as TS8 9), or nothing. Never your whole postcode.',
    area: 'The area you chose, where the first half of your postcode could be in more than one, or nothing.',
    summary:
      'The line shown for your postcode while the options are folded: your area’s name and what is kept of your postcode. It lets the next page keep that line’s place before the line has loaded, so nothing on the page moves. Or nothing. It goes when your postcode goes.',
  };
  return fields.map((name) => ({ name, holds: holds[name] }));
}

/** Everything this site keeps on the device; "Leave this site"'s note only where the site has it. */
export function storageInventory({ quickExit, options }: { quickExit: boolean; options: StoredShape }): KeptThing[] {
  const things: (KeptThing | null)[] = [
    {
      heading: 'Your options',
      place: 'Local storage',
      name: options.key,
      nameIsStart: false,
      what: 'The choices you make in the options at the top of each page: text size, Text only and your postcode.',
      why: 'So that every page, and your next visit, look the way you chose and show your area’s news first.',
      howLong: `Until you change them, or ${UNTIL_CLEARED}. They do not expire. Set them all back to how they were at first and nothing is kept.`,
      sent: `${STAYS} Your area is worked out in your browser.`,
      fields: optionFields(options),
    },
    quickExit
      ? {
          heading: 'Leaving this site',
          place: 'Session storage',
          name: LEFT_KEY,
          nameIsStart: false,
          what: 'The address of the website you were sent to when you pressed Leave this site. It is kept only once you have pressed it.',
          why: 'So that pressing Back after leaving takes you away again, rather than back to this site.',
          howLong: 'Until you close the tab or window.',
          sent: STAYS,
          fields: [],
        }
      : null,
    {
      heading: 'This site, for reading offline',
      place: 'Cache storage',
      name: PRECACHE_NAME_START,
      nameIsStart: true,
      what: 'A copy of this site’s own files: its page, scripts, styles and icons.',
      why: 'So that the site opens and works without a connection.',
      howLong: `Until a new version of the site replaces it, or ${UNTIL_CLEARED}.`,
      sent: STAYS,
      fields: [],
    },
    {
      heading: 'The news you have loaded',
      place: 'Cache storage',
      name: FEED_CACHE.name,
      nameIsStart: false,
      what: 'Copies of the news and events as this site last sent them to you, and of the search index once you have searched.',
      why: 'So that you can read the news you have loaded again, and search, without a connection.',
      howLong: `Until the news is loaded again, which replaces them, or ${UNTIL_CLEARED}. At most ${FEED_CACHE.maxEntries} pages of news are kept: after that the oldest is removed.`,
      sent: STAYS,
      fields: [],
    },
    {
      heading: 'Pictures you have seen',
      place: 'Cache storage',
      name: IMAGE_CACHE.name,
      nameIsStart: false,
      what: 'Copies of the pictures in the news you have looked at.',
      why: 'So that they show again without a connection.',
      howLong: `Up to ${IMAGE_CACHE.maxAgeDays} days, or ${UNTIL_CLEARED}. At most ${IMAGE_CACHE.maxEntries} pictures are kept: after that the oldest is removed.`,
      sent: STAYS,
      fields: [],
    },
    {
      heading: 'When each copy was saved',
      place: 'IndexedDB',
      name: EXPIRATION_DATABASE,
      nameIsStart: false,
      what: 'The address of each copy of the news and pictures above, and when it was saved. Nothing about you.',
      why: 'So that old copies are removed on time.',
      howLong: `As long as the copies it is about, or ${UNTIL_CLEARED}.`,
      sent: STAYS,
      fields: [],
    },
    {
      heading: 'The service worker',
      place: 'Service workers',
      name: SERVICE_WORKER_FILE,
      nameIsStart: false,
      what: 'A small program from this site that your browser keeps and runs for this site only. It keeps the copies above.',
      why: 'So that the site works without a connection, and can tell you when a new version is ready.',
      howLong: 'Until you clear this site’s data. Your browser checks for a new version when you come back to the site.',
      sent: 'Nothing it keeps. It asks this site for news and new versions, as the page itself does.',
      fields: [],
    },
  ];
  return things.filter((t): t is KeptThing => t !== null);
}
