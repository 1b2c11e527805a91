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

/**
 * The case facts a clock can start from: process variables of docs/contracts.md.
 * `responsibilityBegins` is derived (release-days.ts): the release, or the start of supervised
 * probationary freedom when that comes first; it is the day the county's responsibility begins.
 */
export const StartFact = z.enum(["contactDate", "releaseDate", "responsibilityBegins", "planReviewDate"]);
export type StartFact = z.infer<typeof StartFact>;

const count = z.number().int().min(0);

/** How far from a date: working days (arkipäivät), calendar days, or months (150/1930 § 3). */
export const Span = z.union([
  z.strictObject({ weekdays: count }),
  z.strictObject({ days: count }),
  z.strictObject({ months: count }),
]);
export type Span = z.infer<typeof Span>;

export const RuleId = z.enum([
  "assessment-start",
  "assessment-completion",
  "release",
  "release-eve",
  "fast-track",
  "children-start",
  "children-completion",
  "plan-review",
  "urgent",
]);
export type RuleId = z.infer<typeof RuleId>;

/**
 * Whether a limit binds by law, and for whom, or is a practice adopted here. The notices and
 * `nivel deadline --list` say which, in these words.
 */
export const Status = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("statutory"), for: z.string().min(1) }),
  z.strictObject({ kind: z.literal("practice"), note: z.string().min(1) }),
]);
export type Status = z.infer<typeof Status>;

export const Rule = z.strictObject({
  id: RuleId,
  status: Status,
  /** the legal or documentary source, as a caseworker would cite it */
  source: z.string().min(1),
  appliesTo: z.string().min(1),
  start: StartFact,
  /** counted from the day after `start` (150/1930 § 2); { days: 0 } is the start date itself */
  length: Span,
  /** "before": counted back from `start` (the working day before a release), landing on a working day */
  direction: z.enum(["after", "before"]).default("after"),
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

/** "statutory for …" or "practice: …", as the list and the notices print it */
export function statusText(status: Status): string {
  return status.kind === "statutory" ? `statutory for ${status.for}` : `practice: ${status.note}`;
}

/*
 * Warning leads, chosen so that the warning still leaves time to act:
 * - assessment-start, 2 weekdays: on the 5th of the 7 weekdays, with two working days left
 *   to book the first contact meeting.
 * - assessment-completion, 14 days: two weeks leaves room for one more network meeting
 *   (seed 004 meets the network in rounds) before the three months, or the release, run out.
 * - release, 14 days: the same two weeks, for arranging housing, income and ID (DOMAIN.md C)
 *   before the day the county's responsibility begins.
 * - plan-review, 5 weekdays: a week's notice to gather the client and network for the review.
 * - urgent, release-eve, fast-track, children: none; release-eve is itself the last chance.
 *
 * The start limit is capped by the last working day before release: an assessment started on
 * the Monday after a Sunday release starts too late to matter (issue 13: contact Thu 5.3.2026,
 * release Sun 15.3, the 7th weekday Mon 16.3).
 */
export const RULES: readonly Rule[] = z.array(Rule).parse([
  {
    id: "assessment-start",
    status: {
      kind: "practice",
      note: "the 7th weekday is statutory only for people over 75, recipients of the highest care allowance and children needing special support; for other adults the law says without delay, and the 7 weekdays are the practice here",
    },
    source: "SHL 1301/2014 36 § 2 mom.; for children, lastensuojelulaki 417/2007 26 § 3 mom.",
    appliesTo: "starting the service needs assessment",
    start: "contactDate",
    length: { weekdays: 7 },
    movesOffDaysOff: true,
    notLaterThan: ["release-eve"],
    warning: { weekdays: 2 },
  },
  {
    id: "assessment-completion",
    status: {
      kind: "practice",
      note: "the three months are statutory for children and families; for adults they are the practice adopted here (seed 004), and before release (seed 002)",
    },
    source: "SHL 1301/2014 36 § 3 mom.; seeds 002 and 004",
    appliesTo: "completing the service needs assessment",
    start: "contactDate",
    length: { months: 3 },
    movesOffDaysOff: true,
    notLaterThan: ["release"],
    warning: { days: 14 },
  },
  {
    id: "release",
    status: { kind: "practice", note: "seed 002: assess and arrange services before the sentence ends" },
    source: "seed 002; the day the county's responsibility begins: release, or supervised probationary freedom (rikoslaki 2 c luku; laki valvotusta koevapaudesta 629/2013)",
    appliesTo: "services in place on the day the county's responsibility begins",
    start: "responsibilityBegins",
    length: { days: 0 },
    movesOffDaysOff: false,
    warning: { days: 14 },
  },
  {
    id: "release-eve",
    status: { kind: "practice", note: "the last office day on which housing, income support, ID and medication can still be arranged" },
    source: "seed 002 phase C; seed 001 (short sentences and converted fines fall through the gaps)",
    appliesTo: "urgent continuity tasks done on the last working day before release",
    start: "responsibilityBegins",
    length: { weekdays: 1 },
    direction: "before",
    movesOffDaysOff: false,
  },
  {
    id: "fast-track",
    status: { kind: "practice", note: "a release this near runs the practical steps beside the assessment" },
    source: "seeds 001 and 002; DOMAIN.md Release days and short sentences",
    appliesTo: "the fast-track window: release within 30 days of the contact",
    start: "contactDate",
    length: { days: 30 },
    movesOffDaysOff: false,
  },
  {
    id: "children-start",
    status: { kind: "statutory", for: "children needing special support, in an adult client's care" },
    source: "SHL 1301/2014 36 § 2 mom. (the situation of children in the client's care is looked into); lastensuojelulaki 417/2007 26 § 3 mom.",
    appliesTo: "starting the assessment of the situation of children in the client's care",
    start: "contactDate",
    length: { weekdays: 7 },
    movesOffDaysOff: true,
    warning: { weekdays: 2 },
  },
  {
    id: "children-completion",
    status: { kind: "statutory", for: "children and families" },
    source: "SHL 1301/2014 36 § 3 mom.; lastensuojelulaki 417/2007 26 § 3 mom.",
    appliesTo: "completing the assessment of the children's situation",
    start: "contactDate",
    length: { months: 3 },
    movesOffDaysOff: true,
  },
  {
    id: "plan-review",
    status: { kind: "practice", note: "the review date agreed in the client plan" },
    source: "SHL 1301/2014 39 §; seed 002",
    appliesTo: "reviewing the client plan on the agreed date",
    start: "planReviewDate",
    length: { days: 0 },
    movesOffDaysOff: false,
    warning: { weekdays: 5 },
  },
  {
    id: "urgent",
    status: { kind: "statutory", for: "everyone in urgent need (kiireellinen avun tarve): at once" },
    source: "SHL 1301/2014 36 § 1 mom.",
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
  const end = rule.direction === "before" ? backward(start, rule.length) : forward(start, rule.length);
  return rule.movesOffDaysOff ? onOrAfterWorkingDay(end) : end;
}

export interface Deadline {
  due: CalendarDate;
  /** absent for rules without a warning */
  warning?: CalendarDate;
}

/**
 * The limit of `rule` for the case `facts`, and the day to warn of it; `uncapped` leaves out caps
 * (the fast track: the assessment carries on after release). A warning day that lies before the
 * contact is kept as a date; case-deadlines.ts decides what a case does with it.
 */
export function evaluate(rule: Rule, facts: Facts, options: { uncapped?: readonly RuleId[] } = {}): Deadline {
  const own = ownDue(rule, facts);
  if (!own) throw new Error(`rule ${rule.id} needs ${rule.start}`);
  const caps = rule.notLaterThan
    .filter((id) => !options.uncapped?.includes(id))
    .map((id) => ownDue(ruleById(id), facts)).filter((d): d is CalendarDate => d !== undefined);
  const due = earliest(own, ...caps);
  return rule.warning ? { due, warning: backward(due, rule.warning) } : { due };
}
