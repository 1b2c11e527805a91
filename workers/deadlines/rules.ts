/**
 * The deadline rules of DOMAIN.md "Clocks" as data, and the one evaluator that reads them.
 */
import { z } from "zod";
import {
  addDays,
  addMonths,
  addWorkingDays,
  earliest,
  onOrAfterWorkingDay,
  onOrBeforeWorkingDay,
  type CalendarDate,
} from "./calendar.js";

/** The case facts a clock can start from: process variables of docs/contracts.md. */
export const StartFact = z.enum(["contactDate", "releaseDate", "planReviewDate"]);
export type StartFact = z.infer<typeof StartFact>;

const count = z.number().int().min(0);

/** How far from a date: working days (arkipäivät), calendar days, or months (150/1930 § 3). */
export const Span = z.union([
  z.strictObject({ weekdays: count }),
  z.strictObject({ days: count }),
  z.strictObject({ months: count }),
]);
export type Span = z.infer<typeof Span>;

export const RuleId = z.enum(["assessment-start", "assessment-completion", "release", "plan-review", "urgent"]);
export type RuleId = z.infer<typeof RuleId>;

export const Rule = z.strictObject({
  id: RuleId,
  /** the legal or documentary source, as a caseworker would cite it */
  basis: z.string().min(1),
  appliesTo: z.string().min(1),
  start: StartFact,
  /** counted from the day after `start` (150/1930 § 2); { days: 0 } is the start date itself */
  length: Span,
  /**
   * 150/1930 § 5: a period ending on a weekend, a holiday or one of the named eves ends on the
   * next working day. A fixed date (a release, an agreed meeting, "at once") is not a period
   * and does not move.
   */
  movesOffDaysOff: z.boolean(),
  /** the limit is the earliest of this rule's own date and these rules' dates, where known */
  notLaterThan: z.array(RuleId).default([]),
  /** how long before the limit a team lead is warned; counted back, landing on a working day */
  warning: Span.optional(),
});
export type Rule = z.infer<typeof Rule>;

/*
 * Warning leads, chosen so that the warning still leaves time to act:
 * - assessment-start, 2 weekdays: on the 5th of the 7 weekdays, with two working days left
 *   to book the first contact meeting.
 * - assessment-completion, 14 days: two weeks leaves room for one more network meeting
 *   (seed 004 meets the network in rounds) before the three months, or the release, run out.
 * - release, 14 days: the same two weeks, for arranging housing, income and ID (DOMAIN.md C)
 *   before the release day.
 * - plan-review, 5 weekdays: a week's notice to gather the client and network for the review.
 * - urgent: none; the limit is the contact day itself.
 */
export const RULES: readonly Rule[] = z.array(Rule).parse([
  {
    id: "assessment-start",
    basis: "SHL 1301/2014 § 36 (over-75s, highest care allowance); Child Welfare Act 417/2007 § 26",
    appliesTo: "starting the service needs assessment",
    start: "contactDate",
    length: { weekdays: 7 },
    movesOffDaysOff: true,
    warning: { weekdays: 2 },
  },
  {
    id: "assessment-completion",
    basis: "SHL 1301/2014 § 36 (statutory for children and families; the standard for joint assessments); seed 002, before release",
    appliesTo: "completing the service needs assessment",
    start: "contactDate",
    length: { months: 3 },
    movesOffDaysOff: true,
    notLaterThan: ["release"],
    warning: { days: 14 },
  },
  {
    id: "release",
    basis: "seed 002: assess before the prison sentence ends",
    appliesTo: "services in place for the release day",
    start: "releaseDate",
    length: { days: 0 },
    movesOffDaysOff: false,
    warning: { days: 14 },
  },
  {
    id: "plan-review",
    basis: "SHL 1301/2014 § 39; seed 002",
    appliesTo: "reviewing the client plan on the agreed date",
    start: "planReviewDate",
    length: { days: 0 },
    movesOffDaysOff: false,
    warning: { weekdays: 5 },
  },
  {
    id: "urgent",
    basis: "SHL 1301/2014 § 36 (urgent need)",
    appliesTo: "starting the assessment when the need is urgent",
    start: "contactDate",
    length: { days: 0 },
    movesOffDaysOff: false,
  },
]);

export function ruleById(id: string): Rule {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown rule "${id}"; the rules are ${RULES.map((r) => r.id).join(", ")}`);
  return rule;
}

export type Facts = Partial<Record<StartFact, CalendarDate>>;

function forward(date: CalendarDate, span: Span): CalendarDate {
  if ("weekdays" in span) return addWorkingDays(date, span.weekdays);
  if ("months" in span) return addMonths(date, span.months);
  return addDays(date, span.days);
}

function backward(date: CalendarDate, span: Span): CalendarDate {
  if ("weekdays" in span) return addWorkingDays(date, -span.weekdays);
  if ("months" in span) return onOrBeforeWorkingDay(addMonths(date, -span.months));
  return onOrBeforeWorkingDay(addDays(date, -span.days));
}

/** The rule's own limit, or undefined when the fact its clock starts from is not known. */
function ownDue(rule: Rule, facts: Facts): CalendarDate | undefined {
  const start = facts[rule.start];
  if (!start) return undefined;
  const end = forward(start, rule.length);
  return rule.movesOffDaysOff ? onOrAfterWorkingDay(end) : end;
}

export interface Deadline {
  due: CalendarDate;
  /** absent for rules without a warning */
  warning?: CalendarDate;
}

/**
 * The limit of `rule` for the case `facts`, and the day to warn of it. A warning day that has
 * already passed (a release less than the lead away) is kept as it is: a timer on a past date
 * fires at once, which is the warning such a case needs.
 */
export function evaluate(rule: Rule, facts: Facts): Deadline {
  const own = ownDue(rule, facts);
  if (!own) throw new Error(`rule ${rule.id} needs ${rule.start}`);
  const caps = rule.notLaterThan.map((id) => ownDue(ruleById(id), facts)).filter((d): d is CalendarDate => d !== undefined);
  const due = earliest(own, ...caps);
  return rule.warning ? { due, warning: backward(due, rule.warning) } : { due };
}
