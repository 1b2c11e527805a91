import { z } from "zod";
import { ConsentItem } from "./plan-model.js";

const CaseRef = z.string().min(1);

/** `consent-record`: the consent form's answers. Items are required when consent is given. */
export const ConsentVariables = z
  .object({
    caseRef: CaseRef,
    consentGiven: z.boolean(),
    consentItems: z.array(ConsentItem).nullish(),
    consentRecordedBy: z.string().min(1).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.consentGiven && !v.consentItems?.length) {
      ctx.addIssue({ code: "custom", path: ["consentItems"], message: "must name what may be shared when consentGiven is true" });
    }
  });

/** `plan-sync` needs only the case: the plans and the consent are in the app store. */
export const PlanSyncVariables = z.object({ caseRef: CaseRef });
