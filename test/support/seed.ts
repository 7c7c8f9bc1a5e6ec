/**
 * The seed release, the first item of the embedded feed (sample/feed.json), and the site it is
 * on: what the component tests, the browser tests and the bench (scripts/bench, through Vite's
 * module runner) know about it, written once. The facts are the feed's and the reader's own
 * wording of them, not computed here; the address is built with the app's route module.
 */
import { paths } from '../../src/config/paths';

/** The newsroom: the embedded feed's title, in the header and after every page title. */
export const SITE = 'Police and Crime Commissioner for Cleveland';
/** Its canonical address (bulletin.site.json's `url`): where its pages say they live, shared or printed. */
export const SITE_URL = 'https://www.cleveland.pcc.police.uk/';

/** Its stable address: the headline's words, then 7 characters hashed from the item's id (src/lib/slug.ts). */
const slug = 'force-praised-for-crime-prevention-work-0fnz0wq';

export const SEED = {
  id: '2018-03-22-force-praised-for-crime-prevention-work',
  title: 'Force praised for crime prevention work',
  slug,
  path: paths.release.href(slug),
  /** The date line, in the feed's time zone. */
  posted: 'Posted on Thursday 22nd March 2018',
  /** Its publication as the printed footer gives it, and as share previews and structured data give it (10:30 in London, GMT in March). */
  printedDate: 'Published on Thursday 22nd March 2018',
  published: '2018-03-22T10:30:00+00:00',
  /** The quoted section's caption, which names its figure. */
  quoteBy: 'Barry Coppinger, Police and Crime Commissioner for Cleveland',
  /** The paragraph just before the findings list, its first item, and how many it has. */
  findingsLeadIn: 'In addition, HMICFRS concluded that since its last inspection in 2016, the Force:',
  firstFinding: 'Has made progress in all areas inspected.',
  findings: 8,
  /** The one footnote: its marker's name, the words its note starts with, and its way back. */
  footnote: { marker: 'Footnote *', note: 'P36 national overview', back: 'Back to the text at footnote *' },
} as const;
