import { z } from "zod";

/** The notification templates of docs/contracts.md. */
export const TemplateId = z.enum([
  "referral-received",
  "personal-worker-named",
  "meeting-invitation",
  "deadline-approaching",
  "deadline-passed",
  "outcome-to-referrer",
  "continuity-incomplete",
  "plan-review-due",
  "consent-changed",
]);
export type TemplateId = z.infer<typeof TemplateId>;

export const Language = z.enum(["fi", "sv", "en"]);
export type Language = z.infer<typeof Language>;

/**
 * One template in one language. `subject` and `email` may use only `{caseRef}` and `{link}`:
 * e-mail leaves the sign-in, so it never carries client data. `inbox` is read behind sign-in and
 * may also use `{meetingStart}`, `{meetingEnd}` and `{meetingPlace}`.
 */
export interface Wording {
  subject: string;
  email: string;
  inbox: string;
}

export type Catalogue = Record<TemplateId, Wording>;
