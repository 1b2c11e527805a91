import { serviceItem } from "../../lib/consent/classification.js";
import type { ConsentItem, Contact, Goal, Plan, Service, ServiceKind } from "./plan-model.js";

export type SyncStatus = "synced" | "no-consent" | "conflicts";

export type Conflict =
  | { kind: "release-date-mismatch"; rise: string; county: string }
  | { kind: "no-provider-on-release-day"; service: ServiceKind }
  | { kind: "contradicting-arrangement"; service: ServiceKind; riseProvider: string; countyProvider: string };

export interface AlignedGoal {
  area: ServiceKind;
  rise: string[];
  county: string[];
}

/** What both organisations may see together: only the consented items are filled in. */
export interface JointView {
  shared: ConsentItem[];
  releaseDate: { rise: string | null; county: string | null } | null;
  goals: AlignedGoal[] | null;
  services: { rise: Service[]; county: Service[] } | null;
  contacts: { rise: Contact[]; county: Contact[] } | null;
}

export interface Reconciliation {
  status: SyncStatus;
  joint: JointView;
  /** listed for the caseworkers to resolve; nothing is overwritten */
  conflicts: Conflict[];
  /**
   * RISE services that must continue after release and are missing from the client plan:
   * the county plan gets them as continuations (provider as far as RISE knows it).
   */
  continuations: Service[];
}

const NOTHING_SHARED: JointView = { shared: [], releaseDate: null, goals: null, services: null, contacts: null };

/** The plan parts a joint view can show, by consent item. */
const PLAN_ITEMS = ["goals", "services", "substance-abuse-services", "mental-health-services", "release-dates", "contact-details"] as const;

/**
 * Reconciles the RISE sentence/release plan with the county client plan into a joint view of the
 * items in `shared`: what the client's consent lets cross to the one who will see it (for a
 * caseworker, what crosses to their side; for plan-sync's continuations, what crosses to the
 * county). Substance-abuse and mental-health services, and goals in those areas, show only with
 * their own item. Nothing else crosses; with nothing shared nothing does.
 */
export function reconcile(rise: Plan, county: Plan, shared: ReadonlySet<ConsentItem>): Reconciliation {
  const may = (item: ConsentItem) => shared.has(item);
  const visibleKind = (kind: ServiceKind) => may(serviceItem(kind));
  const anyServices = may("services") || may("substance-abuse-services") || may("mental-health-services");
  if (!PLAN_ITEMS.some(may)) return { status: "no-consent", joint: NOTHING_SHARED, conflicts: [], continuations: [] };
  const riseServices = rise.services.filter((s) => visibleKind(s.kind));
  const countyServices = county.services.filter((s) => visibleKind(s.kind));
  const conflicts: Conflict[] = [];

  if (may("release-dates") && rise.releaseDate && county.releaseDate && rise.releaseDate !== county.releaseDate) {
    conflicts.push({ kind: "release-date-mismatch", rise: rise.releaseDate, county: county.releaseDate });
  }

  let continuations: Service[] = [];
  if (anyServices) {
    continuations = riseServices
      .filter((s) => s.continuesAfterRelease && !county.services.some((c) => c.kind === s.kind))
      .map((s) => ({ ...s, start: null, end: null, continuesAfterRelease: false, continuationOf: "rise" as const }));
    const releaseDay = rise.releaseDate ?? county.releaseDate;
    conflicts.push(...continuityGaps(riseServices, [...countyServices, ...continuations], releaseDay));
    conflicts.push(...contradictions(riseServices, countyServices));
  }

  // a goal in a health area discloses health data: it needs that area's item besides `goals`
  const goalsOf = (plan: Plan) => plan.goals.filter((g) => serviceItem(g.area) === "services" || visibleKind(g.area));
  const joint: JointView = {
    shared: PLAN_ITEMS.filter(may),
    releaseDate: may("release-dates") ? { rise: rise.releaseDate, county: county.releaseDate } : null,
    goals: may("goals") ? alignGoals(goalsOf(rise), goalsOf(county)) : null,
    services: anyServices ? { rise: riseServices, county: [...countyServices, ...continuations] } : null,
    contacts: may("contact-details") ? { rise: rise.contacts, county: county.contacts } : null,
  };
  return { status: conflicts.length > 0 ? "conflicts" : "synced", joint, conflicts, continuations };
}

function alignGoals(rise: Goal[], county: Goal[]): AlignedGoal[] {
  const areas = [...new Set([...rise, ...county].map((g) => g.area))];
  return areas.map((area) => ({
    area,
    rise: rise.filter((g) => g.area === area).map((g) => g.text),
    county: county.filter((g) => g.area === area).map((g) => g.text),
  }));
}

/** A service that must go on after release but has nobody to provide it on the release day. */
function continuityGaps(rise: Service[], county: Service[], releaseDay: string | null): Conflict[] {
  const mustContinue = new Set<ServiceKind>([
    ...rise.filter((s) => s.continuesAfterRelease).map((s) => s.kind),
    ...county.filter((s) => covers(s, releaseDay)).map((s) => s.kind),
  ]);
  return [...mustContinue]
    .filter((kind) => !county.some((c) => c.kind === kind && c.provider && covers(c, releaseDay)))
    .map((service) => ({ kind: "no-provider-on-release-day" as const, service }));
}

/** Same kind of service arranged by both organisations for overlapping periods with different providers. */
function contradictions(rise: Service[], county: Service[]): Conflict[] {
  const found: Conflict[] = [];
  for (const r of rise) {
    for (const c of county) {
      if (r.kind === c.kind && r.provider && c.provider && r.provider !== c.provider && overlap(r, c)) {
        found.push({ kind: "contradicting-arrangement", service: r.kind, riseProvider: r.provider, countyProvider: c.provider });
      }
    }
  }
  return found;
}

/** Whether a service runs on the given day; with no known day, an open or unfinished service counts. */
function covers(s: Service, day: string | null): boolean {
  if (!day) return s.end === null;
  return (s.start === null || s.start <= day) && (s.end === null || s.end >= day);
}

/** Periods that meet on a handover day (one ends as the other starts) do not overlap. */
function overlap(a: Service, b: Service): boolean {
  const startsBeforeOtherEnds = (x: Service, y: Service) => x.start === null || y.end === null || x.start < y.end;
  return startsBeforeOtherEnds(a, b) && startsBeforeOtherEnds(b, a);
}
