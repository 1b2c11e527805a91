import { z } from "zod";

/** The service kinds of docs/contracts.md (`services` variable). */
export const ServiceKind = z.enum([
  "housing",
  "income",
  "substance-abuse",
  "mental-health",
  "health-care",
  "work-study",
  "identity",
  "ngo-peer",
]);
export type ServiceKind = z.infer<typeof ServiceKind>;

/** What the client may allow to cross between RISE and the county (`consentItems`). */
export const ConsentItem = z.enum(["goals", "services", "release-date", "contacts"]);
export type ConsentItem = z.infer<typeof ConsentItem>;

/** Calendar dates only: plans talk in days, and a day must not shift with a time zone. */
const IsoDate = z.iso.date();

export const Goal = z.object({
  /** the life area the goal is about; goals of both plans in the same area are aligned */
  area: ServiceKind,
  text: z.string().min(1),
});
export type Goal = z.infer<typeof Goal>;

export const Service = z.object({
  kind: ServiceKind,
  /** who provides it; null when nobody has been found yet */
  provider: z.string().min(1).nullable(),
  start: IsoDate.nullable(),
  /** null: open-ended */
  end: IsoDate.nullable(),
  responsible: z.string().min(1).nullable(),
  /** a RISE service started during the sentence that must go on after release */
  continuesAfterRelease: z.boolean().default(false),
  /** set on county services that continue a RISE one */
  continuationOf: z.literal("rise").optional(),
});
export type Service = z.infer<typeof Service>;
export type ServiceInput = z.input<typeof Service>;

export const Contact = z.object({
  role: z.string().min(1),
  name: z.string().min(1),
  phone: z.string().optional(),
});
export type Contact = z.infer<typeof Contact>;

/** RISE's sentence plan with its release plan (rangaistusajan suunnitelma, vapauttamissuunnitelma). */
export const RisePlan = z.object({
  releaseDate: IsoDate.nullable(),
  goals: z.array(Goal).default([]),
  services: z.array(Service).default([]),
  contacts: z.array(Contact).default([]),
});
export type RisePlan = z.infer<typeof RisePlan>;

/** The county's client plan (asiakassuunnitelma, SHL § 39). */
export const CountyPlan = z.object({
  /** the release date the county plans around */
  releaseDate: IsoDate.nullable(),
  goals: z.array(Goal).default([]),
  services: z.array(Service).default([]),
  contacts: z.array(Contact).default([]),
  reviewDate: IsoDate.nullable(),
});
export type CountyPlan = z.infer<typeof CountyPlan>;

export const Consent = z.object({
  given: z.boolean(),
  items: z.array(ConsentItem),
});
export type Consent = z.infer<typeof Consent>;
