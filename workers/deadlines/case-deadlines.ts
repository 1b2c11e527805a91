/**
 * The deadline variables of docs/contracts.md, from the case's contact and release days.
 */
import { z } from "zod";
import { CalendarDate, compareDates, dateOfInstant, instantAt } from "./calendar.js";
import { Probation, responsibilityBegins } from "./release-days.js";
import { evaluate, ruleById, type Facts } from "./rules.js";

const isoDateTime = z.iso.datetime({ offset: true });

/**
 * A day of the case: a Date variable, read as its date in Helsinki, or a string from a form,
 * either a plain date (YYYY-MM-DD) or an ISO date-time with its offset.
 */
const CaseDay = z.unknown().transform((value, ctx): CalendarDate => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return dateOfInstant(value);
  if (CalendarDate.safeParse(value).success) return value as CalendarDate;
  if (isoDateTime.safeParse(value).success) return dateOfInstant(new Date(value as string));
  ctx.addIssue({
    code: "custom",
    message: value === undefined || value === null ? "is missing" : `must be a Date or an ISO date (YYYY-MM-DD), not ${JSON.stringify(value)}`,
  });
  return z.NEVER;
});

// a day can be cleared: the engine then holds a null Date
const OptionalDay = z.preprocess((v) => v ?? undefined, CaseDay.optional());

/** What `deadline-compute` reads. */
export const DeadlineFacts = z.object({
  contactDate: CaseDay,
  /** the planned conditional release (for a converted fine, the end of its term) */
  releaseDate: OptionalDay,
  probation: z.preprocess((v) => v ?? undefined, Probation.default("none")),
  probationFrom: OptionalDay,
  fullTermDate: OptionalDay,
  /** the registration form's urgent need (SHL § 36): the assessment starts on the contact day */
  urgent: z.boolean().nullish().transform((v) => v === true),
  /** the registration form's answer: children in the client's care (SHL 36 §) */
  childrenInCare: z.boolean().nullish().transform((v) => v === true),
});
export type DeadlineFacts = z.infer<typeof DeadlineFacts>;

export const DEADLINE_VARIABLES = [
  "assessmentStartDue",
  "assessmentCompletionDue",
  "assessmentStartWarning",
  "assessmentCompletionWarning",
] as const;
export type DeadlineVariable = (typeof DEADLINE_VARIABLES)[number];

/**
 * The release-day clocks, present when a release day is known: the day responsibility begins
 * (00:00, for display and `dueDate`s of the day itself), the morning of that day and of the last
 * working day before it (08:00: when something can still be done), the continuity tasks' limit
 * (the end of that last working day) and the 14-day pre-release warning (08:00).
 */
export const RELEASE_VARIABLES = ["responsibilityBegins", "releaseMorning", "releaseEveMorning", "continuityDue", "releaseWarning"] as const;
export type ReleaseVariable = (typeof RELEASE_VARIABLES)[number];

/** The children's clocks, present when children are in the client's care. */
export const CHILDREN_VARIABLES = ["childrenStartDue", "childrenCompletionDue"] as const;
export type ChildrenVariable = (typeof CHILDREN_VARIABLES)[number];

/*
 * A limit is met by anything done on its last day (150/1930), so a due instant is the end of
 * that day in Helsinki, 23:59:59: the "passed" timer fires only once the day is over, and the
 * instant still shows the due date in any Helsinki calendar (00:00 the next day would not).
 * A warning is for a team lead to act on, so it comes at the start of the office day, 08:00.
 */
const END_OF_DAY = { hour: 23, minute: 59, second: 59 };
const START_OF_OFFICE_DAY = { hour: 8 };

function urgentStart(facts: Facts) {
  const { due } = evaluate(ruleById("urgent"), facts);
  return { due, warning: due };
}

export interface CaseDeadlines {
  dates: Record<DeadlineVariable, CalendarDate>;
  instants: Record<DeadlineVariable, Date>;
  release?: { dates: Record<ReleaseVariable, CalendarDate>; instants: Record<ReleaseVariable, Date> };
  children?: { dates: Record<ChildrenVariable, CalendarDate>; instants: Record<ChildrenVariable, Date> };
  /** release (or probationary freedom) begins within the fast-track window of the contact */
  fastTrack: boolean;
  /**
   * The rules whose warning day lies before the contact date: it had passed at registration (a
   * release nearer than the lead). Such a warning raises no escalation: its timer still fires, and the
   * diagram, reading this list, records nothing and notifies no one; the fast-track notice sent
   * at registration has already given the personal worker and the team lead every limit.
   */
  lateWarnings: string[];
}

export function caseDeadlines(input: DeadlineFacts): CaseDeadlines {
  const begins = responsibilityBegins(input);
  const facts: Facts = { contactDate: input.contactDate, ...(input.releaseDate && { releaseDate: input.releaseDate }), ...(begins && { responsibilityBegins: begins }) };
  // the completion limit is capped by the release rule, which counts from the day the
  // county's responsibility begins, not from a conditional release after probationary freedom
  const fastTrack = begins !== undefined && compareDates(begins, evaluate(ruleById("fast-track"), facts).due) <= 0;
  // An urgent need has no lead time: the limit is the contact day, and the team lead is warned
  // that very morning (at once, when the contact is registered later in the day).
  const computedStart = input.urgent ? urgentStart(facts) : evaluate(ruleById("assessment-start"), facts);
  // A release the next day pulls the start to the release eve, which may come before the contact:
  // then the limit is the contact day itself, and a warning before the contact comes at once
  // instead (as for an urgent need), so that no task is born overdue and the lead still hears of it.
  const notBeforeContact = (date: CalendarDate) => (compareDates(date, input.contactDate) < 0 ? input.contactDate : date);
  const start = { ...computedStart, due: notBeforeContact(computedStart.due), ...(computedStart.warning && { warning: notBeforeContact(computedStart.warning) }) };
  // on the fast track the practical steps meet the release day; the assessment carries on after it
  const completion = evaluate(ruleById("assessment-completion"), facts, { uncapped: fastTrack ? ["release"] : [] });
  if (!start.warning || !completion.warning) throw new Error("the assessment rules must define their warnings");
  const dates = {
    assessmentStartDue: start.due,
    assessmentCompletionDue: completion.due,
    assessmentStartWarning: start.warning,
    assessmentCompletionWarning: completion.warning,
  };
  const instants = {
    assessmentStartDue: instantAt(dates.assessmentStartDue, END_OF_DAY),
    assessmentCompletionDue: instantAt(dates.assessmentCompletionDue, END_OF_DAY),
    assessmentStartWarning: instantAt(dates.assessmentStartWarning, START_OF_OFFICE_DAY),
    assessmentCompletionWarning: instantAt(dates.assessmentCompletionWarning, START_OF_OFFICE_DAY),
  };
  // judged by the contact date, not by the clock: a case registered late in the office day, or
  // computed again months later after a new release day, keeps the same answer
  const beforeContact = (date: CalendarDate) => compareDates(date, input.contactDate) < 0;
  const lateWarnings: string[] = [];
  if (beforeContact(dates.assessmentStartWarning)) lateWarnings.push("assessment-start");
  if (beforeContact(dates.assessmentCompletionWarning)) lateWarnings.push("assessment-completion");

  let release: CaseDeadlines["release"];
  if (begins) {
    const eve = evaluate(ruleById("release-eve"), facts).due;
    const warning = evaluate(ruleById("release"), facts).warning!;
    const releaseDates = { responsibilityBegins: begins, releaseMorning: begins, releaseEveMorning: eve, continuityDue: eve, releaseWarning: warning };
    const releaseInstants = {
      responsibilityBegins: instantAt(begins, { hour: 0 }),
      releaseMorning: instantAt(begins, START_OF_OFFICE_DAY),
      releaseEveMorning: instantAt(eve, START_OF_OFFICE_DAY),
      continuityDue: instantAt(eve, END_OF_DAY),
      releaseWarning: instantAt(warning, START_OF_OFFICE_DAY),
    };
    if (beforeContact(warning)) lateWarnings.push("release");
    release = { dates: releaseDates, instants: releaseInstants };
  }

  let children: CaseDeadlines["children"];
  if (input.childrenInCare) {
    const childDates = {
      childrenStartDue: evaluate(ruleById("children-start"), facts).due,
      childrenCompletionDue: evaluate(ruleById("children-completion"), facts).due,
    };
    children = {
      dates: childDates,
      instants: { childrenStartDue: instantAt(childDates.childrenStartDue, END_OF_DAY), childrenCompletionDue: instantAt(childDates.childrenCompletionDue, END_OF_DAY) },
    };
  }
  return { dates, instants, fastTrack, lateWarnings, ...(release && { release }), ...(children && { children }) };
}
