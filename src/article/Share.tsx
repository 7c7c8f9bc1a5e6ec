/**
 * "Share this" (./ShareThis.tsx) as an island (src/lib/island.tsx). Where the site file gives the
 * site's address, a release shares its canonical address, known at build time: the section is in
 * the prerendered page (its plain share links work without script) and its code loads when the
 * reader comes to it. Without one, the address is the reader's own, known only in the browser: the
 * section is rendered there, its code loaded at once. So is it where the browser can share
 * natively (Web Share), so that its Share button does not appear under the reader's finger.
 */
import { chunk } from '../lib/chunk';
import { Island } from '../lib/island';
import { useCopy } from '../lib/useCopy';

export const shareIsland = chunk(() => import('./ShareThis'));

export function canWebShare(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.share === 'function';
}

export function Share({ title, url }: { title: string; url: string }) {
  // The copy's state is the app's, given to the island (Subscribe's chunk shares the hook with the entry, not with this chunk).
  const copying = useCopy();
  return <Island of={shareIsland} eager={canWebShare()} render={(m) => <m.ShareThis title={title} url={url} copying={copying} />} />;
}
