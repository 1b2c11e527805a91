/**
 * What the plan workers need from the app store (lib/store), and nothing more, so the runner
 * can wire them to the store's repositories.
 */
import type { Consent } from "./plan-model.js";

/** The RISE sentence/release plan, the county client plan, and the joint view made from them. */
export type PlanKind = "rise" | "county" | "joint";

export interface StoredPlan {
  version: number;
  /** validated by the reader: stored data is not trusted to match today's schema */
  content: unknown;
}

export interface PlanStore {
  plans: {
    latest(caseRef: string, kind: PlanKind): Promise<StoredPlan | null>;
    /** appends a version; earlier versions stay, with who saved them and when */
    save(caseRef: string, kind: PlanKind, content: unknown, by: string, at: Date): Promise<{ version: number }>;
  };
  consents: {
    record(caseRef: string, consent: Consent, by: string, at: Date): Promise<void>;
    /** the consent in force: the latest recorded */
    latest(caseRef: string): Promise<Consent | null>;
  };
}
