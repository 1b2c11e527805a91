import { SERVICE_ACCOUNTS } from "../config.js";
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

/** Fictional people for a local demo, one or two per role. */
export const DEMO_USERS: { id: string; firstName: string; lastName: string; groups: GroupId[] }[] = [
  { id: "rise.virtanen", firstName: "Riikka", lastName: "Virtanen", groups: ["rise-caseworker"] },
  { id: "rise.lindqvist", firstName: "Lars", lastName: "Lindqvist", groups: ["rise-caseworker"] },
  { id: "intake.korhonen", firstName: "Kaisa", lastName: "Korhonen", groups: ["county-intake"] },
  { id: "sw.nieminen", firstName: "Sanna", lastName: "Nieminen", groups: ["county-social-worker"] },
  { id: "sw.hamalainen", firstName: "Heikki", lastName: "Hämäläinen", groups: ["county-social-worker"] },
  { id: "lead.makinen", firstName: "Leena", lastName: "Mäkinen", groups: ["team-lead"] },
  { id: "owner.laine", firstName: "Olli", lastName: "Laine", groups: ["process-owner"] },
  { id: "ops.heikkinen", firstName: "Aino", lastName: "Heikkinen", groups: ["admin"] },
];

/** Meets the engine's password policy (10 characters, lower and upper case, a digit, a special character). */
export const DEFAULT_DEMO_PASSWORD = "Nivel-demo-1";

/**
 * Creates the groups (always, when missing) and, on an engine that has no users but its admin and
 * Nivel's service accounts, the demo users. Returns the ids of the users it created.
 */
export async function ensureDemoIdentity(
  engine: EngineClient,
  adminUserId: string,
  password = DEFAULT_DEMO_PASSWORD,
): Promise<string[]> {
  const existingGroups = new Set(unwrap(await engine.GET("/group")).map((g) => g.id));
  for (const group of GROUPS) {
    if (!existingGroups.has(group.id)) {
      unwrap(await engine.POST("/group/create", { body: { id: group.id, name: group.name, type: group.type } }));
    }
  }
  await addMember(engine, "admin", adminUserId);

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
    for (const group of user.groups) await addMember(engine, group, user.id);
  }
  return DEMO_USERS.map((u) => u.id);
}

async function addMember(engine: EngineClient, groupId: string, userId: string): Promise<void> {
  const members = unwrap(await engine.GET("/user", { params: { query: { memberOfGroup: groupId } } }));
  if (members.some((m) => m.id === userId)) return;
  unwrap(await engine.PUT("/group/{id}/members/{userId}", { params: { path: { id: groupId, userId } } }));
}
