export { subscribePlans, PLAN_SYNC_TOPIC, PLAN_SYNC_AUTHOR, type PlanDeps } from "./subscribe-plans.js";
export type { PlanStore } from "./plan-store.js";
export { reconcile, type Conflict, type JointView, type Reconciliation, type SyncStatus } from "./reconcile.js";
export * from "./plan-model.js";
