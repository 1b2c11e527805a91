import { DateTime } from "luxon";

/** Finland's time zone: every calendar day in Nivel is a Helsinki day. */
export const ZONE = "Europe/Helsinki";

/** The Helsinki calendar date of an instant, YYYY-MM-DD. */
export function helsinkiDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).toISODate()!;
}
