/**
 * The consent task's form (forms/ja-consent.form): its fields, and the consent its answers give.
 * The answers are not kept as process variables: the web app records them as a consent version
 * by the signed-in user, and the pathway gets only the routing variables (model.ts).
 */
import { ConsentItem, type ConsentInput, type Grant } from "./model.js";

export const CONSENT_FORM_ID = "ja-consent";

/** The form's field keys. */
export const CONSENT_FIELDS = {
  given: "consentGiven",
  /** RISE's data the county may see */
  toCounty: "consentToCounty",
  /** the county's data RISE may see */
  toRise: "consentToRise",
  purpose: "consentPurpose",
  givenHow: "consentGivenHow",
  until: "consentUntil",
} as const;

export type ConsentAnswers = Partial<Record<(typeof CONSENT_FIELDS)[keyof typeof CONSENT_FIELDS], unknown>>;

/** The consent the validated answers give, or the keys of the answers that contradict each other. */
export function consentFromAnswers(answers: ConsentAnswers): { ok: true; consent: ConsentInput } | { ok: false; field: string } {
  const given = answers[CONSENT_FIELDS.given] === true;
  const items = (key: string) => (Array.isArray(answers[key as keyof ConsentAnswers]) ? (answers[key as keyof ConsentAnswers] as unknown[]) : []).map((i) => ConsentItem.parse(i));
  const grants: Grant[] = given
    ? [...items(CONSENT_FIELDS.toCounty).map((item) => ({ item, to: "county" as const })), ...items(CONSENT_FIELDS.toRise).map((item) => ({ item, to: "rise" as const }))]
    : [];
  // "yes" with nothing ticked would record a refusal the worker did not mean
  if (given && grants.length === 0) return { ok: false, field: CONSENT_FIELDS.toRise };
  const until = answers[CONSENT_FIELDS.until];
  return {
    ok: true,
    consent: {
      grants,
      purpose: String(answers[CONSENT_FIELDS.purpose] ?? "").trim(),
      givenHow: answers[CONSENT_FIELDS.givenHow] === "in-writing" ? "in-writing" : "in-person",
      validUntil: typeof until === "string" && until ? until.slice(0, 10) : null,
    },
  };
}
