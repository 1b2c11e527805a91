/**
 * The plans as the app store keeps them, and the consent items they are shared by: one shape for the RISE sentence/release
 * plan and the county client plan (only the county's uses `reviewDate`).
 */
import { PlanContent } from "../../lib/store/index.js";
import { ConsentItem } from "../../lib/consent/model.js";

export { ConsentItem, PlanContent };
export type Plan = PlanContent;
export type Goal = Plan["goals"][number];
export type Service = Plan["services"][number];
export type Contact = Plan["contacts"][number];
export type ServiceKind = Service["kind"];
