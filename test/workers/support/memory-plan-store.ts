import type { Consent } from "../../../workers/plans/plan-model.js";
import type { PlanKind, PlanStore } from "../../../workers/plans/plan-store.js";

interface Version {
  caseRef: string;
  kind: PlanKind;
  version: number;
  content: unknown;
  by: string;
  at: Date;
}

/** A test double of the app store's `plans` and `consents` repositories (lib/store is not there yet). */
export function memoryPlanStore(): PlanStore & { versions: Version[]; consentLog: { caseRef: string; consent: Consent; by: string; at: Date }[] } {
  const versions: Version[] = [];
  const consentLog: { caseRef: string; consent: Consent; by: string; at: Date }[] = [];
  const latest = (caseRef: string, kind: PlanKind) => versions.filter((v) => v.caseRef === caseRef && v.kind === kind).at(-1) ?? null;
  return {
    versions,
    consentLog,
    plans: {
      async latest(caseRef, kind) {
        return latest(caseRef, kind);
      },
      async save(caseRef, kind, content, by, at) {
        const version = (latest(caseRef, kind)?.version ?? 0) + 1;
        versions.push({ caseRef, kind, version, content: structuredClone(content), by, at });
        return { version };
      },
    },
    consents: {
      async record(caseRef, consent, by, at) {
        consentLog.push({ caseRef, consent, by, at });
      },
      async latest(caseRef) {
        return consentLog.filter((c) => c.caseRef === caseRef).at(-1)?.consent ?? null;
      },
    },
  };
}
