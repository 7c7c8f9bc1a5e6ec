/**
 * The feed's alerts above the page's heading, in the GOV.UK notification banner's shape: each a
 * region named by its level and title. It stays mounted across navigation (the layout holds it),
 * so a screen reader meets it once per visit, as part of the page, not on every route. Only an
 * emergency that arrives while the reader is on the site (not one the page opened with) is
 * announced, once: it is given role="alert" as it appears.
 */
import { useState } from 'react';
import type { Feed } from '../feed';
import { useClock } from '../lib/clock';
import type { SafeStorage } from '../lib/storage';
import { useIsClient } from '../lib/useIsClient';
import { useOnline } from '../lib/useOnline';
import { useReaderArea } from '../preferences';
import { ageWords, alertKey, isCurrent, isForReader, orderAlerts } from './select';
import { dismiss, readDismissals } from './store';

const LEVEL_WORDS = { emergency: 'Emergency', warning: 'Warning', info: 'Notice' } as const;

export interface AlertBannerProps {
  feed: Feed;
  storage: SafeStorage;
  /** The keys of the alerts a prerendered page shows (read before hydrating); null elsewhere. */
  inPage: readonly string[] | null;
  /** Ids of the alerts the app opened with: an emergency not among them is announced. */
  openedWith: readonly string[];
}

/** After a dismissal the reader goes on with the page: its heading, or else <main>. */
function focusPage(): void {
  const main = document.querySelector<HTMLElement>('main');
  const target = main?.querySelector<HTMLElement>('[data-page-heading]') ?? main;
  if (!target) return;
  if (target === main) target.setAttribute('tabindex', '-1');
  target.focus();
}

export function AlertBanner({ feed, storage, inPage, openedWith }: AlertBannerProps) {
  const now = useClock()();
  const client = useIsClient();
  const online = useOnline();
  const reader = useReaderArea(feed.areas);
  const [dismissed, setDismissed] = useState(() => readDismissals(storage));
  const all = orderAlerts(feed.alerts).map((alert) => ({ alert, key: alertKey(alert) }));
  // Prerendering: what holds for every reader at the build's "now". Hydrating: exactly what the
  // page shows. Then: the reader's own.
  const shown = all.filter(({ alert, key }) =>
    !client
      ? inPage ? inPage.includes(key) : !alert.areas && isCurrent(alert, now)
      : isCurrent(alert, now) && isForReader(alert, reader) && (alert.level === 'emergency' || !dismissed.has(key)),
  );
  if (shown.length === 0) return null;
  const age = !online && feed.savedAt ? ageWords(feed.savedAt, now) : null;
  return (
    <div className="alerts">
      {shown.map(({ alert, key }) => {
        const id = `alert-${key.replace('.', '-')}`;
        const arrived = client && alert.level === 'emergency' && !openedWith.includes(alert.id);
        return (
          <section key={key} className={`alert alert--${alert.level}`} aria-labelledby={`${id}-level ${id}-title`} role={arrived ? 'alert' : undefined} data-alert-key={key}>
            <p className="alert__level" id={`${id}-level`}>
              {LEVEL_WORDS[alert.level]}
            </p>
            <div className="alert__content">
              <h2 className="alert__title" id={`${id}-title`} dir="auto">
                {alert.title}
              </h2>
              {alert.text && <p dir="auto">{alert.text}</p>}
              {age && <p className="alert__age">This alert was current {age} ago, when this copy of the news was saved.</p>}
              {alert.url && (
                <p>
                  <a href={alert.url} aria-label={`Find out more: ${alert.title}`}>
                    Find out more
                  </a>
                </p>
              )}
              {alert.level !== 'emergency' && (
                <button
                  type="button"
                  className="button button--secondary alert__dismiss"
                  aria-label={`Dismiss: ${alert.title}`}
                  onClick={() => {
                    setDismissed(dismiss(storage, key, all.map((a) => a.key)));
                    focusPage();
                  }}
                >
                  Dismiss
                </button>
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
