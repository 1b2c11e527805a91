import { z } from "zod";

const CaseRef = z.string().min(1);

/** `plan-sync` needs only the case: the plans and the consent are in the app store. */
export const PlanSyncVariables = z.object({ caseRef: CaseRef });
