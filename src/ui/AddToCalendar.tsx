/**
 * An event's "Add to calendar" link: a plain download of the event's own .ics file, written by
 * the build (build/calendars.ts), which every calendar app opens. No script of its own.
 */
import { paths } from '../config/paths';

interface AddToCalendarProps {
  slug: string;
  /** Said after the link's words to screen readers where several events are listed together. */
  eventName?: string;
  className?: string;
}

export function AddToCalendar({ slug, eventName, className }: AddToCalendarProps) {
  return (
    <a className={className ? `calendar-link ${className}` : 'calendar-link'} href={paths.eventCalendar.href(slug)} download={`${slug}.ics`} type="text/calendar">
      Add to calendar
      {eventName && <span className="visually-hidden">: {eventName}</span>}
    </a>
  );
}
