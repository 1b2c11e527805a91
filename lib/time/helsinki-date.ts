import { DateTime } from "luxon";

/** Finland's time zone: every calendar day and every clock time in Nivel is Helsinki's. */
export const ZONE = "Europe/Helsinki";

/** The Helsinki calendar date of an instant, YYYY-MM-DD. */
export function helsinkiDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).toISODate()!;
}

/**
 * The instant of a Helsinki wall-clock time typed without a zone (`YYYY-MM-DDTHH:mm[:ss]`), or
 * null when that time does not exist there (the hour skipped when summer time begins). In the
 * hour repeated when it ends, the second (winter-time) one.
 */
export function fromHelsinkiWallTime(text: string): Date | null {
  const local = DateTime.fromISO(text, { zone: ZONE });
  if (!local.isValid) return null;
  // luxon moves a skipped time forward; the wall clock it lands on then differs from the one typed
  const typed = DateTime.fromISO(text, { zone: "UTC" });
  if (local.toFormat("yyyy-MM-dd'T'HH:mm:ss") !== typed.toFormat("yyyy-MM-dd'T'HH:mm:ss")) return null;
  return local.toJSDate();
}

/** An instant as Helsinki's wall clock, `YYYY-MM-DDTHH:mm`: what a form shows back, whatever the browser's zone. */
export function toHelsinkiWallTime(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Whole Helsinki calendar days from `from`'s date to `to`'s: 0 on the same day, negative when `to` is earlier. */
export function helsinkiDaysBetween(from: Date, to: Date): number {
  const day = (d: Date) => DateTime.fromISO(helsinkiDate(d), { zone: "UTC" });
  return Math.round(day(to).diff(day(from), "days").days);
}

/** The last instant of a Helsinki calendar date (YYYY-MM-DD): 23:59:59.999 there. */
export function endOfHelsinkiDay(date: string): Date {
  return DateTime.fromISO(date, { zone: ZONE }).endOf("day").toJSDate();
}
