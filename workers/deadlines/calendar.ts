/**
 * Counting statutory time limits in Finland (Act on the Calculation of Statutory Time Limits,
 * laki säädettyjen määräaikain laskemisesta 150/1930), in calendar dates of Europe/Helsinki.
 *
 * Dates are "YYYY-MM-DD" strings at the boundary and luxon DateTimes in UTC inside: UTC has no
 * daylight saving, so adding days or months there is pure calendar arithmetic. Europe/Helsinki
 * matters only where a date meets an instant (`dateOfInstant`, `instantAt`).
 */
import Holidays from "date-holidays";
import { DateTime } from "luxon";
import { z } from "zod";

export const ZONE = "Europe/Helsinki";

function fromIso(text: string): DateTime {
  return DateTime.fromISO(text, { zone: "utc" });
}

/** A calendar date, YYYY-MM-DD, that exists (no 30 February). */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((text) => fromIso(text).isValid, "is not a date in the calendar")
  .brand<"CalendarDate">();
export type CalendarDate = z.infer<typeof CalendarDate>;

/** A CalendarDate from text, or an Error saying what is wrong with it. */
export function parseDate(text: string): CalendarDate {
  const parsed = CalendarDate.safeParse(text);
  if (parsed.success) return parsed.data;
  throw new Error(`"${text}" ${parsed.error.issues[0]?.message ?? "is not a date"}`);
}

function toDate(d: DateTime): CalendarDate {
  return d.toISODate() as CalendarDate;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return toDate(fromIso(date).plus({ days }));
}

/**
 * § 3: a period of months ends on the same-numbered day of the last month, or on that month's
 * last day when it has no such day. luxon clamps to the month's end in just this way.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return toDate(fromIso(date).plus({ months }));
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function earliest(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((min, d) => (compareDates(d, min) < 0 ? d : min), first);
}

/**
 * § 5 names the days on which no period ends: public holidays (date-holidays type "public"),
 * Independence Day and May Day (both "public" there too), and Christmas Eve and Midsummer Eve,
 * which date-holidays files as "bank" holidays, as it does New Year's Eve, which § 5 does not
 * name. These two are picked out by their rules in date-holidays' own data.
 */
const EVES_NAMED_IN_THE_ACT = new Set(["12-24", "friday after 06-19"]);

const finland = new Holidays("FI", { timezone: ZONE });
const daysOffByYear = new Map<number, Map<string, string>>();

/** The holidays of `year` on which no period ends: date → Finnish name. */
function daysOffIn(year: number): Map<string, string> {
  const cached = daysOffByYear.get(year);
  if (cached) return cached;
  const holidays = finland.getHolidays(year);
  const eves = holidays.filter((h) => h.type === "bank" && EVES_NAMED_IN_THE_ACT.has(h.rule));
  // fail loudly rather than count wrong if a new date-holidays release renames these rules
  if (eves.length !== EVES_NAMED_IN_THE_ACT.size) {
    throw new Error(`date-holidays no longer lists Christmas Eve and Midsummer Eve for Finland in ${year} by the rules ${[...EVES_NAMED_IN_THE_ACT].join(", ")}`);
  }
  const days = new Map<string, string>();
  for (const h of [...holidays.filter((h) => h.type === "public"), ...eves]) days.set(h.date.slice(0, 10), h.name);
  daysOffByYear.set(year, days);
  return days;
}

/** Why no period ends on `date` (the holiday's name, or the weekend day), or undefined on a working day. */
export function dayOff(date: CalendarDate): string | undefined {
  const d = fromIso(date);
  if (d.weekday === 6) return "Saturday";
  if (d.weekday === 7) return "Sunday";
  return daysOffIn(d.year).get(date);
}

/** A weekday (arkipäivä): Monday to Friday, not one of the days of § 5. */
export function isWorkingDay(date: CalendarDate): boolean {
  return dayOff(date) === undefined;
}

/** § 5: a period whose last day is not a working day ends on the next working day. */
export function onOrAfterWorkingDay(date: CalendarDate): CalendarDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** For warnings, which must come before a limit, never after it. */
export function onOrBeforeWorkingDay(date: CalendarDate): CalendarDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/**
 * The `count`th working day after `date` (§ 2: the starting day is not counted), or before it
 * when `count` is negative.
 */
export function addWorkingDays(date: CalendarDate, count: number): CalendarDate {
  const step = Math.sign(count);
  let d = date;
  for (let left = Math.abs(count); left > 0; ) {
    d = addDays(d, step);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** The calendar date in Helsinki at an instant. */
export function dateOfInstant(instant: Date): CalendarDate {
  return toDate(DateTime.fromJSDate(instant, { zone: ZONE }));
}

/** The instant at a wall-clock time on a date in Helsinki, whatever its UTC offset that day. */
export function instantAt(date: CalendarDate, time: { hour: number; minute?: number; second?: number }): Date {
  const { year, month, day } = fromIso(date);
  return DateTime.fromObject({ year, month, day, hour: time.hour, minute: time.minute ?? 0, second: time.second ?? 0 }, { zone: ZONE }).toJSDate();
}
