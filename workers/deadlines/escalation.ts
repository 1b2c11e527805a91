import { z } from "zod";

const DeadlineRule = z.enum(["assessment-start", "assessment-completion", "release", "release-eve", "children-start", "children-completion"]);
const DeadlineStage = z.enum(["warning", "passed"]);

/** One entry of the case's `escalations` (Json): the cockpit's record of near and missed limits. */
export const Escalation = z.object({
  rule: DeadlineRule,
  stage: DeadlineStage,
  /** ISO instant the escalation was recorded */
  at: z.iso.datetime(),
  /** the BPMN activity that escalated, to tell one timer's escalation from another's */
  activityId: z.string(),
});
export type Escalation = z.infer<typeof Escalation>;

/** What `deadline-escalate` reads: its local inputs, and the escalations recorded so far. */
export const EscalateVariables = z.object({
  deadlineRule: DeadlineRule,
  deadlineStage: DeadlineStage,
  escalations: z.array(Escalation).nullish(),
});
export type EscalateVariables = z.infer<typeof EscalateVariables>;
