/** The consent task's answers (forms/ja-consent.form) as a caseworker gives them: `items` to both organisations. */
export function consentAnswers(items: string[]): Record<string, unknown> {
  return { consentGiven: true, consentToRise: items, consentToCounty: items, consentPurpose: "Yhteinen palvelutarpeen arviointi", consentGivenHow: "in-person" };
}

/** The client declines: nothing crosses. */
export const NO_CONSENT: Record<string, unknown> = { consentGiven: false, consentPurpose: "Yhteinen palvelutarpeen arviointi", consentGivenHow: "in-person" };
