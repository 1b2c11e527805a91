import { SERVICE_ACCOUNTS } from "../config.js";
import { ORGANISATION_GROUP_TYPE, ORGANISATIONS, type OrganisationId } from "../organisations/case-groups.js";
import type { EngineClient } from "./client.js";
import { unwrap } from "./client.js";

/** The roles of DOMAIN.md, as engine groups. */
export const GROUPS = [
  { id: "rise-caseworker", name: "RISE: rikosseuraamusesihenkilöt", type: "WORKFLOW" },
  { id: "county-intake", name: "Hyvinvointialue: aikuissosiaalityön vastaanotto", type: "WORKFLOW" },
  { id: "county-social-worker", name: "Hyvinvointialue: omatyöntekijät ja sosiaalityöntekijät", type: "WORKFLOW" },
  { id: "team-lead", name: "Esihenkilöt", type: "WORKFLOW" },
  { id: "process-owner", name: "Prosessinomistajat", type: "WORKFLOW" },
  { id: "admin", name: "Ylläpito", type: "SYSTEM" },
] as const;

export type GroupId = (typeof GROUPS)[number]["id"];

/**
 * Fictional people for a local demo: in two counties (Itä-Uusimaa, Pirkanmaa) an intake worker,
 * two social workers and a team lead; in two RISE units (Vantaa and Vaasa prisons) a caseworker
 * and a team lead; and a process owner and an admin, who belong to no organisation.
 */
export const DEMO_USERS: { id: string; firstName: string; lastName: string; groups: GroupId[]; organisation: OrganisationId | null }[] = [
  { id: "rise.virtanen", firstName: "Riikka", lastName: "Virtanen", groups: ["rise-caseworker"], organisation: "rise-vantaan-vankila" },
  { id: "lead.salo", firstName: "Sami", lastName: "Salo", groups: ["team-lead"], organisation: "rise-vantaan-vankila" },
  { id: "rise.lindqvist", firstName: "Lars", lastName: "Lindqvist", groups: ["rise-caseworker"], organisation: "rise-vaasan-vankila" },
  { id: "lead.back", firstName: "Berit", lastName: "Back", groups: ["team-lead"], organisation: "rise-vaasan-vankila" },
  { id: "intake.korhonen", firstName: "Kaisa", lastName: "Korhonen", groups: ["county-intake"], organisation: "hva-ita-uusimaa" },
  { id: "sw.nieminen", firstName: "Sanna", lastName: "Nieminen", groups: ["county-social-worker"], organisation: "hva-ita-uusimaa" },
  { id: "sw.hamalainen", firstName: "Heikki", lastName: "Hämäläinen", groups: ["county-social-worker"], organisation: "hva-ita-uusimaa" },
  { id: "lead.makinen", firstName: "Leena", lastName: "Mäkinen", groups: ["team-lead"], organisation: "hva-ita-uusimaa" },
  { id: "intake.jokinen", firstName: "Jari", lastName: "Jokinen", groups: ["county-intake"], organisation: "hva-pirkanmaa" },
  { id: "sw.koskinen", firstName: "Kirsi", lastName: "Koskinen", groups: ["county-social-worker"], organisation: "hva-pirkanmaa" },
  { id: "sw.rantanen", firstName: "Risto", lastName: "Rantanen", groups: ["county-social-worker"], organisation: "hva-pirkanmaa" },
  { id: "lead.heino", firstName: "Hanna", lastName: "Heino", groups: ["team-lead"], organisation: "hva-pirkanmaa" },
  { id: "owner.laine", firstName: "Olli", lastName: "Laine", groups: ["process-owner"], organisation: null },
  { id: "ops.heikkinen", firstName: "Aino", lastName: "Heikkinen", groups: ["admin"], organisation: null },
];

/** Meets the engine's password policy (10 characters, lower and upper case, a digit, a special character). */
export const DEFAULT_DEMO_PASSWORD = "Nivel-demo-1";

/**
 * Creates Nivel's role groups and every organisation's group when missing, and puts the engine
 * admin in `admin`. Every engine needs them, demo or not: bootstrapEngine runs it at every start.
 */
export async function ensureGroups(engine: EngineClient, adminUserId: string): Promise<void> {
  const existingGroups = new Set(unwrap(await engine.GET("/group", { params: { query: { maxResults: 10_000 } } })).map((g) => g.id));
  const organisationGroups = ORGANISATIONS.map((o) => ({ id: o.id, name: o.name.fi, type: ORGANISATION_GROUP_TYPE }));
  for (const group of [...GROUPS, ...organisationGroups]) {
    if (!existingGroups.has(group.id)) {
      unwrap(await engine.POST("/group/create", { body: { id: group.id, name: group.name, type: group.type } }));
    }
  }
  await addMember(engine, "admin", adminUserId);
}

/**
 * The groups (ensureGroups) and, on an engine that has no users but its admin and Nivel's service
 * accounts, the demo users, each in their role groups and organisation. Returns the ids of the
 * users it created.
 */
export async function ensureDemoIdentity(
  engine: EngineClient,
  adminUserId: string,
  password = DEFAULT_DEMO_PASSWORD,
): Promise<string[]> {
  await ensureGroups(engine, adminUserId);
  const users = unwrap(await engine.GET("/user"));
  const ours = new Set<string>([adminUserId, ...Object.values(SERVICE_ACCOUNTS)]);
  if (users.some((u) => !ours.has(u.id!))) return [];
  for (const user of DEMO_USERS) {
    unwrap(
      await engine.POST("/user/create", {
        body: {
          profile: { id: user.id, firstName: user.firstName, lastName: user.lastName, email: `${user.id}@demo.nivel.invalid` },
          credentials: { password },
        },
      }),
    );
    for (const group of [...user.groups, ...(user.organisation ? [user.organisation] : [])]) await addMember(engine, group, user.id);
  }
  return DEMO_USERS.map((u) => u.id);
}

async function addMember(engine: EngineClient, groupId: string, userId: string): Promise<void> {
  const members = unwrap(await engine.GET("/user", { params: { query: { memberOfGroup: groupId } } }));
  if (members.some((m) => m.id === userId)) return;
  unwrap(await engine.PUT("/group/{id}/members/{userId}", { params: { path: { id: groupId, userId } } }));
}
