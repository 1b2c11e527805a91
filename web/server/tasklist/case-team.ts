import type { Store } from "../../../lib/store/index.js";
import type { CaseRecord, TeamMember } from "../../../lib/store/cases.js";
import { organisationOf, roleInOrganisation, sideOfOrganisation, teamGroup, type Side } from "../../../lib/organisations/case-groups.js";
import type { SignedInUser } from "../auth/user.js";

/**
 * Who stands where on a case (issue #11, docs/access.md). A case opens to its team: the named RISE
 * worker and personal worker, whoever claimed or completed one of its tasks, its county's intake
 * while a task waits on intake (that is a task rule: access.ts), and the team leads of its county
 * and RISE unit. Everyone else of the organisation, and every other organisation, is outside.
 */

/** The roles whose work a user does inside their organisation (DOMAIN.md, Roles). */
const ORGANISATION_ROLES = ["rise-caseworker", "county-intake", "county-social-worker", "team-lead"] as const;

/** The user's side: that of their organisation (admins and process owners have none). */
export function sideOf(user: { groups: readonly string[] }): Side | null {
  const organisation = organisationOf(user.groups);
  return organisation ? sideOfOrganisation(organisation) : null;
}

/** The organisation of the case on `side`. */
export const organisationOnSide = (record: CaseRecord, side: Side) => (side === "county" ? record.countyId : record.riseUnitId);

/** A team lead of one of the case's two organisations: they open every case of their organisation. */
export function leadsCase(user: Pick<SignedInUser, "groups">, record: CaseRecord): Side | null {
  const organisation = organisationOf(user.groups);
  if (!organisation || !user.groups.includes("team-lead")) return null;
  if (organisation === record.countyId) return "county";
  if (organisation === record.riseUnitId) return "rise";
  return null;
}

/**
 * The candidate groups the user stands in: each of their roles within their organisation
 * (`county-intake.hva-pirkanmaa`) and each side of a case team they are on
 * (`case-team.NIV-2026-000123.county`). A nationwide role is none of them: a task offered to one
 * is offered to nobody.
 */
export async function taskGroupsOf(store: Store, user: Pick<SignedInUser, "id" | "groups">): Promise<string[]> {
  const organisation = organisationOf(user.groups);
  const roles = organisation ? ORGANISATION_ROLES.filter((r) => user.groups.includes(r)).map((r) => roleInOrganisation(r, organisation)) : [];
  const teams = (await store.cases.casesOf(user.id)).map((c) => teamGroup(c.caseRef, c.side));
  return [...roles, ...teams];
}

/** The case's record and current team, read once per request for the rules and the view. */
export async function caseStanding(store: Store, caseRef: string): Promise<{ record: CaseRecord | null; team: TeamMember[] }> {
  const [record, team] = await Promise.all([store.cases.get(caseRef), store.cases.team(caseRef)]);
  return { record, team };
}

/** Whether the user is on the case's team now, or leads one of its organisations. */
export function onTeamOrLeads(user: Pick<SignedInUser, "id" | "groups">, { record, team }: Awaited<ReturnType<typeof caseStanding>>): boolean {
  if (!record) return false;
  return leadsCase(user, record) !== null || team.some((m) => m.userId === user.id);
}
