/**
 * The four deadline variables of docs/contracts.md, from the case's contact and release dates.
 */
import { z } from "zod";
import { CalendarDate, dateOfInstant, instantAt } from "./calendar.js";
import { evaluate, ruleById } from "./rules.js";

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

/** What `deadline-compute` reads. */
export const DeadlineFacts = z.object({
  contactDate: CaseDay,
  // a release date can be cleared: the engine then holds a null Date
  releaseDate: z.preprocess((v) => v ?? undefined, CaseDay.optional()),
  /** the registration form's urgent need (SHL § 36): the assessment starts on the contact day */
  urgent: z.boolean().nullish().transform((v) => v === true),
});
export type DeadlineFacts = z.infer<typeof DeadlineFacts>;

export const DEADLINE_VARIABLES = ["assessmentStartDue", "assessmentCompletionDue", "assessmentStartWarning", "assessmentCompletionWarning"] as const;
export type DeadlineVariable = (typeof DEADLINE_VARIABLES)[number];

/*
 * A limit is met by anything done on its last day (150/1930), so a due instant is the end of
 * that day in Helsinki, 23:59:59: the "passed" timer fires only once the day is over, and the
 * instant still shows the due date in any Helsinki calendar (00:00 the next day would not).
 * A warning is for a team lead to act on, so it comes at the start of the office day, 08:00.
 */
const END_OF_DAY = { hour: 23, minute: 59, second: 59 };
const START_OF_OFFICE_DAY = { hour: 8 };

function urgentStart(facts: DeadlineFacts) {
  const { due } = evaluate(ruleById("urgent"), facts);
  return { due, warning: due };
}

export interface CaseDeadlines {
  dates: Record<DeadlineVariable, CalendarDate>;
  instants: Record<DeadlineVariable, Date>;
}

export function caseDeadlines(facts: DeadlineFacts): CaseDeadlines {
  // An urgent need has no lead time: the limit is the contact day, and the team lead is warned
  // that very morning (at once, when the contact is registered later in the day).
  const start = facts.urgent ? urgentStart(facts) : evaluate(ruleById("assessment-start"), facts);
  const completion = evaluate(ruleById("assessment-completion"), facts);
  if (!start.warning || !completion.warning) throw new Error("the assessment rules must define their warnings");
  const dates = {
    assessmentStartDue: start.due,
    assessmentCompletionDue: completion.due,
    assessmentStartWarning: start.warning,
    assessmentCompletionWarning: completion.warning,
  };
  return {
    dates,
    instants: {
      assessmentStartDue: instantAt(dates.assessmentStartDue, END_OF_DAY),
      assessmentCompletionDue: instantAt(dates.assessmentCompletionDue, END_OF_DAY),
      assessmentStartWarning: instantAt(dates.assessmentStartWarning, START_OF_OFFICE_DAY),
      assessmentCompletionWarning: instantAt(dates.assessmentCompletionWarning, START_OF_OFFICE_DAY),
    },
  };
}
