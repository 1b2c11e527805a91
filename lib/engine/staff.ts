import { unwrap, type EngineClient } from "./client.js";

/** A staff member as the choices and the case team show them. */
export interface StaffMember {
  id: string;
  name: string;
  email: string | null;
}

const nameOf = (u: { id?: string | null; firstName?: string | null; lastName?: string | null }) =>
  [u.firstName, u.lastName].filter(Boolean).join(" ") || u.id!;

/** The members of `role` (an engine group) who also belong to `organisationId`, by name. */
export async function staffOf(engine: EngineClient, organisationId: string, role: string): Promise<StaffMember[]> {
  const [inRole, inOrganisation] = await Promise.all([
    engine.GET("/user", { params: { query: { memberOfGroup: role, maxResults: 10_000 } } }).then(unwrap),
    engine.GET("/user", { params: { query: { memberOfGroup: organisationId, maxResults: 10_000 } } }).then(unwrap),
  ]);
  const ids = new Set(inOrganisation.map((u) => u.id));
  return inRole
    .filter((u) => ids.has(u.id))
    .map((u) => ({ id: u.id!, name: nameOf(u), email: u.email ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name, "fi"));
}

/**
 * The members of a notice's group: a role within an organisation when it reads `role.organisation`
 * (lib/organisations/case-groups.ts roleInOrganisation, e.g. `team-lead.hva-pirkanmaa`), else the
 * engine group itself.
 */
export async function membersOf(engine: EngineClient, groupId: string): Promise<StaffMember[]> {
  const dot = groupId.indexOf(".");
  if (dot > 0) return staffOf(engine, groupId.slice(dot + 1), groupId.slice(0, dot));
  const members = unwrap(await engine.GET("/user", { params: { query: { memberOfGroup: groupId, maxResults: 10_000 } } }));
  return members.map((u) => ({ id: u.id!, name: nameOf(u), email: u.email ?? null }));
}
