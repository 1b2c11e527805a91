/**
 * The plans and the consent as the app store keeps them: one shape for the RISE sentence/release
 * plan and the county client plan (only the county's uses `reviewDate`).
 */
import { Consent, ConsentItem, PlanContent } from "../../lib/store/index.js";

export { Consent, ConsentItem, PlanContent };
export type Plan = PlanContent;
export type Goal = Plan["goals"][number];
export type Service = Plan["services"][number];
export type Contact = Plan["contacts"][number];
export type ServiceKind = Service["kind"];
