/**
 * The client's consent to share, as DOMAIN.md and Act 703/2023 ask for it: per item, per
 * recipient (the other organisation, or one member of the client's network), with its purpose,
 * how the client gave it and until when. Every change is a new version; the version in force is
 * the newest one whose end date has not passed.
 */
import { z } from "zod";

/**
 * What may cross. Substance-abuse and mental-health services are health data (GDPR art. 9) and
 * items of their own, apart from the other services. `meetings` is the times and places of the
 * assessment meetings: what an invitation to a network member discloses.
 */
export const CONSENT_ITEMS = [
  "goals",
  "services",
  "substance-abuse-services",
  "mental-health-services",
  "release-dates",
  "contact-details",
  "assessment-outcome",
  "meeting-notes",
  "meetings",
] as const;
export const ConsentItem = z.enum(CONSENT_ITEMS);
export type ConsentItem = z.infer<typeof ConsentItem>;

export const Side = z.enum(["rise", "county"]);
export type Side = z.infer<typeof Side>;

/**
 * Who receives an item: `rise` (the county's data to the case's RISE team), `county` (RISE's data
 * to the case's county team), or `network:<member id>` (one person of the client's network).
 */
export const Recipient = z.union([Side, z.templateLiteral(["network:", z.uuid()])]);
export type Recipient = z.infer<typeof Recipient>;

export const Grant = z.object({ item: ConsentItem, to: Recipient });
export type Grant = z.infer<typeof Grant>;

export const GivenHow = z.enum(["in-person", "in-writing"]);
export type GivenHow = z.infer<typeof GivenHow>;

/** What a caseworker records: an empty `grants` is a refusal, or a withdrawal of everything. */
export const ConsentInput = z
  .object({
    grants: z.array(Grant).max(500),
    purpose: z.string().trim().min(1).max(500),
    givenHow: GivenHow,
    /** the last day the consent holds; null: until the case ends */
    validUntil: z.iso.date().nullable(),
  })
  .refine((c) => new Set(c.grants.map(grantKey)).size === c.grants.length, { message: "an item is granted to the same recipient twice", path: ["grants"] });
export type ConsentInput = z.infer<typeof ConsentInput>;

/** How a version differs from the one before it. */
export const ConsentChange = z.enum(["given", "declined", "extended", "withdrawn-partly", "withdrawn", "changed"]);
export type ConsentChange = z.infer<typeof ConsentChange>;

export const ConsentVersion = z.object({
  caseRef: z.string(),
  version: z.number().int().positive(),
  change: ConsentChange,
  grants: z.array(Grant),
  purpose: z.string(),
  givenHow: GivenHow,
  validUntil: z.iso.date().nullable(),
  recordedBy: z.string(),
  recordedAt: z.coerce.date(),
});
export type ConsentVersion = z.infer<typeof ConsentVersion>;

export const grantKey = (g: Grant) => `${g.item}>${g.to}`;

/** The change from `before` (null: nothing recorded yet) to the grants `after`. */
export function changeOf(before: readonly Grant[] | null, after: readonly Grant[]): ConsentChange {
  if (before === null) return after.length ? "given" : "declined";
  if (after.length === 0) return before.length ? "withdrawn" : "declined";
  const now = new Set(after.map(grantKey));
  const was = new Set(before.map(grantKey));
  const removed = [...was].some((k) => !now.has(k));
  const added = [...now].some((k) => !was.has(k));
  if (removed) return "withdrawn-partly";
  return added ? "extended" : "changed";
}

/** The grants of `before` that `after` no longer has. */
export function withdrawnGrants(before: readonly Grant[], after: readonly Grant[]): Grant[] {
  const now = new Set(after.map(grantKey));
  return before.filter((g) => !now.has(grantKey(g)));
}

/** The grants in force on `today` (a Helsinki date, YYYY-MM-DD): none once the end date has passed. */
export function grantsInForce(consent: Pick<ConsentVersion, "grants" | "validUntil"> | null, today: string): Grant[] {
  if (!consent) return [];
  if (consent.validUntil !== null && consent.validUntil < today) return [];
  return consent.grants;
}

/** The items that cross to `to` under the consent in force on `today`. */
export function itemsCrossingTo(consent: Pick<ConsentVersion, "grants" | "validUntil"> | null, to: Recipient, today: string): Set<ConsentItem> {
  return new Set(grantsInForce(consent, today).filter((g) => g.to === to).map((g) => g.item));
}

/**
 * The pathways' routing variables for a consent: `consentGiven` while anything crosses between
 * the organisations (the joint part goes on), `consentItems` the items that cross either way.
 */
export function routingVariables(grants: readonly Grant[]): { consentGiven: boolean; consentItems: ConsentItem[] } {
  const between = grants.filter((g) => g.to === "rise" || g.to === "county");
  return { consentGiven: between.length > 0, consentItems: [...new Set(between.map((g) => g.item))].sort() };
}

/**
 * The grants `after` adds to what `before` had that a worker of `side` may not add: those to their
 * own side. Each organisation records what the client lets it disclose; nobody grants themselves
 * the other organisation's data. Withdrawing is anyone's on the team.
 */
export function selfGranted(side: Side | null, before: readonly Grant[], after: readonly Grant[]): Grant[] {
  const had = new Set(before.map(grantKey));
  return after.filter((g) => !had.has(grantKey(g)) && (side === null || g.to === side));
}
