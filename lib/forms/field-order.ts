/**
 * Date fields of one form whose order a later step depends on: a meeting that ends before it
 * starts stalls the invitation, a release before the contact stalls the clocks. One rule for the
 * browser (before it sends) and the server (before it accepts).
 */
export interface FieldOrder {
  before: string;
  after: string;
  /** the two may not be equal */
  strict: boolean;
  /** put on the later field */
  message: string;
}

export const FIELD_ORDER: readonly FieldOrder[] = [
  { before: "meetingStart", after: "meetingEnd", strict: true, message: "Tapaaminen ei voi päättyä ennen kuin se alkaa / The meeting cannot end before it starts" },
  { before: "contactDate", after: "releaseDate", strict: false, message: "Vapautumispäivä ei voi olla ennen yhteydenottoa / The release date cannot be before the contact" },
  { before: "probationFrom", after: "releaseDate", strict: false, message: "Valvottu koevapaus alkaa viimeistään vapautumispäivänä / Probationary freedom begins on or before the release date" },
  { before: "releaseDate", after: "fullTermDate", strict: false, message: "Koko rangaistusaika päättyy aikaisintaan vapautumispäivänä / The full term ends on or after the release date" },
];

/** The later field's message for each pair out of order; `timeOf` reads a value as milliseconds, or null to skip it. */
export function orderProblems(values: Record<string, unknown>, timeOf: (value: unknown) => number | null): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const rule of FIELD_ORDER) {
    const start = timeOf(values[rule.before]);
    const end = timeOf(values[rule.after]);
    if (start === null || end === null) continue;
    if (end < start || (rule.strict && end === start)) problems[rule.after] ??= rule.message;
  }
  return problems;
}
