import { DateTime } from "luxon";
import { z } from "zod";
import { helsinkiDate, ZONE } from "../../../lib/time/helsinki-date.js";

export { helsinkiDate, ZONE };

/**
 * The period of the measures: calendar dates in Europe/Helsinki, both ends included. A case
 * belongs to the period when its contact date (*vireilletulo*) falls in it.
 */

const day = z.iso.date("Give the date as YYYY-MM-DD.");

const PeriodInput = z.object({ from: day.optional(), to: day.optional() });
export type PeriodInput = z.infer<typeof PeriodInput>;

/**
 * The query `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both optional, as the period it names (see
 * `resolvePeriod`); a start after the end, given or defaulted, is refused.
 */
export function periodQuery(now: Date) {
  return PeriodInput.transform((q) => resolvePeriod(q, now)).refine((p) => p.from <= p.to, {
    path: ["from"],
    message: "The period's start must not be after its end.",
  });
}

export interface Period {
  from: string;
  to: string;
}

/** The instant a Helsinki calendar date begins. */
export function startOfHelsinkiDay(date: string): Date {
  return DateTime.fromISO(date, { zone: ZONE }).startOf("day").toJSDate();
}

/** Whole calendar days from one date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: "utc" }).diff(DateTime.fromISO(from, { zone: "utc" }), "days").days);
}

/**
 * The period asked for; a missing end defaults to today (Helsinki, by the app's clock), a missing
 * start to twelve months before the end (the day after the same date a year earlier), so that
 * the default is the last twelve months up to today.
 */
export function resolvePeriod(query: PeriodInput, now: Date): Period {
  const to = query.to ?? helsinkiDate(now);
  const from = query.from ?? DateTime.fromISO(to, { zone: "utc" }).minus({ months: 12 }).plus({ days: 1 }).toISODate()!;
  return { from, to };
}

/** The median of a list of numbers; null when it is empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
