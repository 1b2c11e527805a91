export { subscribeDeadlines, DEADLINE_COMPUTE_TOPIC, DEADLINE_ESCALATE_TOPIC, type DeadlineContext } from "./topics.js";
export { caseDeadlines, DeadlineFacts, DEADLINE_VARIABLES, type DeadlineVariable } from "./case-deadlines.js";
export { evaluate, RULES, ruleById, Rule, type Deadline, type Facts } from "./rules.js";
