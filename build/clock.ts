/**
 * The build's "now": what is upcoming (the calendars), the recurrence window (the sources) and the
 * prerendered pages are all measured against one instant, read once per build. `BULLETIN_NOW`
 * (an RFC 3339 date-time) sets it, for tests and for reproducing a build; otherwise it is the clock.
 */
export function buildNow(env: Readonly<Record<string, string | undefined>> = process.env, clock: () => Date = () => new Date()): Date {
  const given = env.BULLETIN_NOW?.trim();
  if (!given) return clock();
  const when = new Date(given);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(given) || Number.isNaN(when.getTime())) {
    throw new Error(`BULLETIN_NOW must be a date and time with its offset, like 2018-11-13T12:00:00Z (it is "${given}")`);
  }
  return when;
}
