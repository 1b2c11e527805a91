import { COUNTIES, type CountyId } from "./counties.js";
import { RISE_UNITS, type RiseUnitId } from "./rise-units.js";

/**
 * How organisations and case teams appear in the engine. Every staff user is a member of one
 * organisation group (type ORGANISATION, id = the county's or RISE unit's id) besides their role
 * groups. Tasks are never offered to a nationwide role: the pathways name candidate groups that
 * exist only as strings on tasks (the engine needs no group row to offer a task to one):
 *   - `county-intake.<countyId>`: the intake of the case's county;
 *   - `case-team.<caseRef>.county` and `case-team.<caseRef>.rise`: the case's team on that side.
 * The app, the one caller of the engine, works out which of these a signed-in user stands in
 * (taskGroupsOf in web/server/tasklist/case-team.ts), so another county never sees a task.
 */
export type OrganisationId = CountyId | RiseUnitId;
export type Side = "county" | "rise";
export const SIDES = ["county", "rise"] as const satisfies readonly Side[];

export const ORGANISATION_GROUP_TYPE = "ORGANISATION";

export const ORGANISATIONS: readonly { id: OrganisationId; side: Side; name: { fi: string; sv: string } }[] = [
  ...COUNTIES.map((c) => ({ id: c.id as OrganisationId, side: "county" as const, name: c.name })),
  ...RISE_UNITS.map((u) => ({ id: u.id as OrganisationId, side: "rise" as const, name: u.name })),
];

const byId = new Map(ORGANISATIONS.map((o) => [o.id as string, o]));

export function isCounty(id: string): id is CountyId {
  return byId.get(id)?.side === "county";
}
export function isRiseUnit(id: string): id is RiseUnitId {
  return byId.get(id)?.side === "rise";
}
export function sideOfOrganisation(id: string): Side | null {
  return byId.get(id)?.side ?? null;
}
export function organisationName(id: string): { fi: string; sv: string } | null {
  return byId.get(id)?.name ?? null;
}

/** The one organisation among a user's groups (null for admins and process owners, who have none). */
export function organisationOf(groups: readonly string[]): OrganisationId | null {
  return (groups.find((g) => byId.has(g)) as OrganisationId | undefined) ?? null;
}

/** The candidate group of a county's intake. */
export const intakeGroup = (countyId: string) => `county-intake.${countyId}`;
/** The candidate group of one side of a case's team. */
export const teamGroup = (caseRef: string, side: Side) => `case-team.${caseRef}.${side}`;
/** A group the notify worker resolves to the members of `role` in `organisationId` (e.g. the county's team leads). */
export const roleInOrganisation = (role: string, organisationId: string) => `${role}.${organisationId}`;

/** The candidate groups the pathways may name, as BPMN expressions over the case's variables. */
export const CANDIDATE_EXPRESSIONS = {
  intake: "county-intake.${countyId}",
  countyTeam: "case-team.${caseRef}.county",
  riseTeam: "case-team.${caseRef}.rise",
} as const;
