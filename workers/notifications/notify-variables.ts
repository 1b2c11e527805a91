import { z } from "zod";
import { TemplateId } from "./templates/catalogue.js";

const optionalId = z.string().min(1).nullish().transform((v) => v ?? null);

/** The `notify` task's variables: local `template` and `to`, the case's ids, the meeting for invitations. */
export const NotifyVariables = z
  .object({
    template: TemplateId,
    to: z.string().min(1),
    caseRef: z.string().min(1),
    referrerUserId: optionalId,
    personalWorkerId: optionalId,
    meetingStart: z.date().nullish(),
    meetingEnd: z.date().nullish(),
    meetingPlace: z.string().min(1).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.template !== "meeting-invitation") return;
    for (const name of ["meetingStart", "meetingEnd", "meetingPlace"] as const) {
      if (!v[name]) ctx.addIssue({ code: "custom", path: [name], message: "required for a meeting-invitation" });
    }
    if (v.meetingStart && v.meetingEnd && v.meetingEnd <= v.meetingStart) {
      ctx.addIssue({ code: "custom", path: ["meetingEnd"], message: "must be after meetingStart" });
    }
  });
export type NotifyVariables = z.infer<typeof NotifyVariables>;
