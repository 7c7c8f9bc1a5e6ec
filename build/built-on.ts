/**
 * The day of the build (YYYY-MM-DD, UTC): the accessibility statement's last review. A given day
 * (BULLETIN_BUILT_ON) makes a build reproducible; one that is not a real day stops the build.
 */
export function builtOn(given: string | undefined, now: Date = new Date()): string {
  if (given === undefined || given === '') return now.toISOString().slice(0, 10);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(given) ? new Date(`${given}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== given) {
    throw new Error(`BULLETIN_BUILT_ON must be a day written YYYY-MM-DD, not "${given}"`);
  }
  return given;
}
