/**
 * The events page's calendars to subscribe to (written by build/calendars.ts): every upcoming
 * event, and each area's with the force-wide ones. Each is offered on the webcal: scheme, which
 * calendar apps open as a subscription, beside its https: address, which people paste into a
 * calendar that asks for one ("From URL" and the like).
 */
import { canonicalUrl, paths, webcalHref } from '../config/paths';
import { siteUrl } from '../config/site-url';
import type { Area } from '../feed';
import { useIsClient } from '../lib/useIsClient';

/** The site's published address (the site file's `url`), else, in the browser, the page's own origin. */
function useSiteBase(): string | null {
  const client = useIsClient();
  if (siteUrl) return siteUrl;
  return client ? `${window.location.origin}/` : null;
}

function Calendar({ name, href, base }: { name: string; href: string; base: string | null }) {
  const https = base ? canonicalUrl(href, base) : href;
  return (
    <li>
      <span className="calendar-subscribe__name">{name}</span>{' '}
      {base && (
        <>
          <a href={webcalHref(https)} aria-label={`Subscribe to ${name}`}>
            Subscribe
          </a>{' '}
          <span aria-hidden="true">·</span>{' '}
        </>
      )}
      <a href={href} className="calendar-subscribe__address">
        {https}
      </a>
    </li>
  );
}

export function CalendarSubscribe({ areas }: { areas: readonly Area[] }) {
  const base = useSiteBase();
  return (
    <section aria-labelledby="calendar-subscribe" className="calendar-subscribe">
      <h2 className="heading-l" id="calendar-subscribe">
        Events in your calendar
      </h2>
      <p>
        Subscribe to a calendar and your calendar app adds new events as they are announced, and changes them when
        they change. If your calendar asks for an address, copy the one beside the calendar you want.
      </p>
      <ul>
        <Calendar name="All upcoming events" href={paths.upcomingCalendar.href()} base={base} />
        {areas.map((area) => (
          <Calendar key={area.id} name={`Events in ${area.name}, and force-wide`} href={paths.areaCalendar.href(area.id)} base={base} />
        ))}
      </ul>
    </section>
  );
}
