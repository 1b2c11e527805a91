/**
 * A prisoner's release days as the law has them (DOMAIN.md "Release days and short sentences"),
 * and the one day the clocks follow: when the county's responsibility begins.
 */
import { z } from "zod";
import { earliest, type CalendarDate } from "./calendar.js";

/** supervised probationary freedom (valvottu koevapaus): rikoslaki 2 c luku, laki 629/2013 */
export const Probation = z.enum(["none", "planned", "granted"]);
export type Probation = z.infer<typeof Probation>;

/** Which day a `ReleaseDateChanged` message changed: the variable it carries. */
export const ChangedReleaseDay = z.enum(["releaseDate", "probationFrom", "fullTermDate"]);
export type ChangedReleaseDay = z.infer<typeof ChangedReleaseDay>;

export interface ReleaseDays {
  /** the planned conditional release (for a converted fine, served in full: its end) */
  releaseDate?: CalendarDate;
  probation: Probation;
  /** the day probationary freedom begins, planned or granted */
  probationFrom?: CalendarDate;
  fullTermDate?: CalendarDate;
}

/**
 * The day the county's responsibility effectively begins: the start of probationary freedom when
 * it is planned or granted and comes first (it can begin up to six months before conditional
 * release), otherwise the release; without a release date, the full-term date.
 */
export function responsibilityBegins(days: ReleaseDays): CalendarDate | undefined {
  const release = days.releaseDate ?? days.fullTermDate;
  const probation = days.probation !== "none" ? days.probationFrom : undefined;
  if (release && probation) return earliest(release, probation);
  return probation ?? release;
}

/**
 * The practical steps the fast track arranges beside the assessment, each due on the last
 * working day before release (DOMAIN.md "Release days and short sentences"; seeds 001, 002).
 */
export const URGENT_CONTINUITY = [
  "housing",
  "income-support-application",
  "identity-card-and-strong-identification",
  "medication-and-health-care",
  "substance-abuse-treatment",
  "first-appointment-on-release-day",
] as const;
