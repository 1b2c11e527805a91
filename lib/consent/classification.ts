/**
 * Whose every process variable is, and which consent item lets it cross to the other side. The
 * one table the shared view (shared-view.ts) filters by; the lint test checks that every field
 * of every form is in it, so a new field cannot slip past the filter unclassified.
 *
 * `case`: what both organisations hold by the nature of the case: who and where the case is, its
 * clocks, and the contact itself (SHL 35 §: RISE contacts the county with the client's consent,
 * so what the contact says is the county's to read). `item: null`: the owner's alone, never shared.
 */
import type { ConsentItem, Side } from "./model.js";

export type Owner = "case" | Side;

export interface Classification {
  owner: Owner;
  item: ConsentItem | null;
}

/** A service kind's item: substance-abuse and mental-health services are health data, items of their own. */
export function serviceItem(kind: unknown): ConsentItem {
  if (kind === "substance-abuse") return "substance-abuse-services";
  if (kind === "mental-health") return "mental-health-services";
  return "services";
}

const CASE: Classification = { owner: "case", item: null };
const county = (item: ConsentItem | null): Classification => ({ owner: "county", item });
const rise = (item: ConsentItem | null): Classification => ({ owner: "rise", item });

export const VARIABLES: Readonly<Record<string, Classification>> = {
  // the case and its people
  caseRef: CASE,
  clientName: CASE,
  countyId: CASE,
  riseUnitId: CASE,
  riseWorkerId: CASE,
  personalWorkerId: CASE,
  referrerUserId: CASE,
  referrerOrganisation: CASE,
  // the contact (rp-need, ja-register)
  contactDate: CASE,
  urgent: CASE,
  needDescription: CASE,
  releaseDate: CASE,
  probation: CASE,
  probationFrom: CASE,
  fullTermDate: CASE,
  sentenceDays: CASE,
  convertedFine: CASE,
  childrenInCare: CASE,
  // clocks and routing
  assessmentStartDue: CASE,
  assessmentCompletionDue: CASE,
  assessmentStartWarning: CASE,
  assessmentCompletionWarning: CASE,
  releaseWarning: CASE,
  releaseWarningLate: CASE,
  assessmentCompletionWarningLate: CASE,
  releaseEveMorning: CASE,
  releaseMorning: CASE,
  continuityDue: CASE,
  childrenStartDue: CASE,
  childrenCompletionDue: CASE,
  fastTrack: CASE,
  urgentContinuity: CASE,
  urgentService: county("services"),
  consentGiven: CASE,
  consentItems: CASE,
  withdrawnItems: CASE,
  calledFromRelease: CASE,
  changedReleaseDay: CASE,
  moreMeetings: CASE,
  continueFollowUp: CASE,
  clientReached: CASE,
  planSyncStatus: CASE,
  planConflictCount: CASE,
  // the assessment: the county's tracking form (seurantalomake) and conclusion
  meetingStart: county("meetings"),
  meetingEnd: county("meetings"),
  meetingPlace: county("meetings"),
  meetingSummary: county("meeting-notes"),
  needsMultiAgencyWork: county("assessment-outcome"),
  conclusionSummary: county("assessment-outcome"),
  services: county("services"),
  // the county's client plan and its follow-up
  planGoals: county("goals"),
  planReviewDate: county("goals"),
  planReviewed: county("goals"),
  reviewNote: county("goals"),
  clientFeedbackRating: county(null),
  clientFeedback: county(null),
  // services across release and at the end of the client relationship
  service: county("services"),
  serviceKind: county("services"),
  serviceArranged: county("services"),
  serviceNote: county("services"),
  serviceOutcome: county("services"),
  endingNote: county("services"),
  // the network and reaching the client
  networkMembers: county("contact-details"),
  outreachNote: county("contact-details"),
  // children: child welfare's, never shared through Nivel
  childrenSituation: county(null),
  childWelfareNeeded: county(null),
  // RISE's own
  probationSupport: rise("services"),
};

/** Variables whose value is a service kind (or a list of them): the item follows the kind. */
export const SERVICE_KIND_VARIABLES: ReadonlySet<string> = new Set(["services", "service", "serviceKind", "urgentService"]);

export function classificationOf(name: string): Classification | undefined {
  return VARIABLES[name];
}
