/**
 * The alerts' banner (src/alerts) is a chunk of its own, loaded only when the feed has alerts: a
 * feed without them costs the first load nothing. A module cache rather than React.lazy (see
 * ./lists.tsx): the start-up path loads it before hydrating a page whose HTML shows an alert, and
 * the build before it prerenders. A banner that cannot be loaded is left out; the page goes on.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import { useFeed } from '../feed';
import { chunk } from '../lib/chunk';
import { safeLocalStorage, type SafeStorage } from '../lib/storage';

type Alerts = typeof import('../alerts');
const alerts = chunk<Alerts>(() => import('../alerts'));

/** Loads the banner's chunk (once; again after a failure). */
export const loadAlerts = (): Promise<Alerts> => alerts.load();

/** The attribute each alert in a page's HTML carries: the key a dismissal is kept under. */
export const ALERT_KEY_ATTRIBUTE = 'data-alert-key';

/** Where dismissals are kept, and the alerts a prerendered page shows (to hydrate as shown). */
export interface AlertsSupply {
  storage: SafeStorage;
  inPage: readonly string[] | null;
}
export const AlertsContext = createContext<AlertsSupply>({ storage: safeLocalStorage, inPage: null });

/** The keys of the alerts in a prerendered page's markup. */
export function readAlertsInPage(root: ParentNode): string[] {
  return [...root.querySelectorAll(`[${ALERT_KEY_ATTRIBUTE}]`)].map((el) => el.getAttribute(ALERT_KEY_ATTRIBUTE) ?? '');
}

export function AlertsSlot() {
  const { feed } = useFeed();
  const supply = useContext(AlertsContext);
  const wanted = (feed?.alerts.length ?? 0) > 0;
  const [loaded, setLoaded] = useState(() => alerts.loaded());
  // The alerts the app opened with (the first feed it had): an emergency not among them arrived during the visit.
  const [openedWith, setOpenedWith] = useState<readonly string[] | null>(() => feed?.alerts.map((a) => a.id) ?? null);
  if (feed && openedWith === null) setOpenedWith(feed.alerts.map((a) => a.id));
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    alerts.load().then(
      (m) => live && setLoaded(() => m),
      () => undefined, // Left out; tried again the next time the feed changes.
    );
    return () => {
      live = false;
    };
  }, [wanted, loaded, feed]);
  if (!feed || !wanted || !loaded) return null;
  return <loaded.AlertBanner feed={feed} storage={supply.storage} inPage={supply.inPage} openedWith={openedWith ?? []} />;
}
