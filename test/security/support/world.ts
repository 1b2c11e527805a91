/**
 * The world the security suites work in (declares no tests): the demo users signed in to one web
 * app on the shared test engine (as its service account), the repository's pathways deployed, and
 * cases made to order for each demo role, each with a client name and a reference no other case
 * has: one of their own (on its team with its open task claimed; intake: its task waiting on their
 * county's intake; a team lead: of their organisation), one of their organisation they have no
 * part in (its task offered to a team they are not on), and one of another county and RISE unit.
 */
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { unwrap } from "../../../lib/engine/client.js";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS, type GroupId } from "../../../lib/engine/demo-users.js";
import { deployableFiles, deployFiles, deployResources } from "../../../lib/engine/deploy.js";
import { createEngineClient } from "../../../lib/engine/client.js";
import type { CaseRelation } from "../../../web/server/route-policy.js";
import { intakeGroup, sideOfOrganisation, teamGroup, type Side } from "../../../lib/organisations/case-groups.js";
import type { TestEngine } from "../../support/engine.js";
import { singleExternalTask } from "../../support/models.js";
import { reviewWithReleaseDateMessage } from "../../web/support/release-date-pathway.js";
import { until } from "../../support/until.js";
import { ensureDemoUsers, newCaseRef, signIn, startApp, TEST_FORM, TEST_FORM_ID, type AppOptions, type RunningApp, type Session } from "../../web/support/tasklist-app.js";

/** The demo roles of the matrix, and a caller with no session. */
export const ROLES = [...DEMO_USERS.map((u) => u.id), "signed-out"] as const;
export type Role = (typeof ROLES)[number];
export const SIGNED_OUT = "signed-out";

export function groupsOf(role: Role): readonly GroupId[] {
  return DEMO_USERS.find((u) => u.id === role)?.groups ?? [];
}

export function organisationOfRole(role: Role): string | null {
  return DEMO_USERS.find((u) => u.id === role)?.organisation ?? null;
}

export function sideOfRole(role: Role): Side | null {
  const organisation = organisationOfRole(role);
  return organisation ? sideOfOrganisation(organisation) : null;
}

const HOME = { county: "hva-ita-uusimaa", rise: "rise-vantaan-vankila" } as const;
const AWAY = { county: "hva-pirkanmaa", rise: "rise-vaasan-vankila" } as const;

/** The case's organisations: the role's own on its side for own and same-org, others for other-org. */
function organisationsFor(role: Role, relation: CaseRelation): { countyId: string; riseUnitId: string } {
  const side = sideOfRole(role);
  const mine = organisationOfRole(role);
  if (relation === "other-org") {
    const pick = (s: Side) => (side === s && mine === AWAY[s] ? HOME[s] : AWAY[s]);
    return { countyId: pick("county"), riseUnitId: pick("rise") };
  }
  return { countyId: side === "county" ? mine! : HOME.county, riseUnitId: side === "rise" ? mine! : HOME.rise };
}

const unique = () => randomBytes(4).toString("hex");

export const MATRIX_KEY = "security-matrix";
const INCIDENT_KEY = "security-incident";
const INCIDENT_TOPIC = "security-incident-work";

/** start → "Tarkista" (candidate group from the variable, the tasklist's test form) → end; a ReleaseDateChanged message may arrive meanwhile. */
const matrixPathway = reviewWithReleaseDateMessage(
  MATRIX_KEY,
  `name="Tarkista" camunda:candidateGroups="\${candidateGroup}" camunda:formRef="${TEST_FORM_ID}" camunda:formRefBinding="latest"`,
);

const incidentPathway = singleExternalTask(INCIDENT_KEY, INCIDENT_TOPIC);

export interface CaseFixture {
  caseRef: string;
  countyId: string;
  riseUnitId: string;
  clientName: string;
  instanceId: string;
  taskId: string;
  /** an inbox entry about the case: the role's own for an own case, another user's otherwise */
  inboxEntryId: string;
}

export interface World {
  engine: TestEngine;
  app: RunningApp;
  /** each demo user's session, signed in once */
  session(role: Role): Promise<Session>;
  /** a case of `role` standing in `relation`; `fresh` for one no other request has touched */
  caseFor(role: Role, relation: CaseRelation, fresh?: boolean): Promise<CaseFixture>;
  /** an open incident, fresh or shared */
  incident(fresh?: boolean): Promise<{ id: string; instanceId: string }>;
  /** a throwaway user with a live session, whose sessions may be ended */
  victim(fresh?: boolean): Promise<{ userId: string; session: Session }>;
  /** the matrix pathway's deployed definition */
  definitionId: string;
  close(): Promise<void>;
}

/** A user of the test's own, in `groups`, with the demo password (which meets the engine's policy). */
export async function throwawayUser(engine: TestEngine, groups: string[], prefix = "sec"): Promise<string> {
  const id = `${prefix}.${unique()}`;
  unwrap(await engine.client.POST("/user/create", { body: { profile: { id }, credentials: { password: DEFAULT_DEMO_PASSWORD } } }));
  for (const group of groups) unwrap(await engine.client.PUT("/group/{id}/members/{userId}", { params: { path: { id: group, userId: id } } }));
  return id;
}

export async function buildWorld(engine: TestEngine, options: AppOptions = {}): Promise<World> {
  await ensureDemoUsers(engine);
  await deployFiles(engine.connection, deployableFiles([resolve("processes"), resolve("forms")]));
  await deployResources(
    engine.connection,
    [
      { name: `${MATRIX_KEY}.bpmn`, content: matrixPathway },
      { name: `${INCIDENT_KEY}.bpmn`, content: incidentPathway },
      { name: `${TEST_FORM_ID}.form`, content: JSON.stringify(TEST_FORM) },
    ],
    "security-world",
  );
  const [definition] = unwrap(await engine.client.GET("/process-definition", { params: { query: { key: MATRIX_KEY, latestVersion: true } } }));
  const app = await startApp(engine, options);
  const sessions = new Map<string, Promise<Session>>();
  const session = (role: Role) => {
    if (role === SIGNED_OUT) throw new Error("the signed-out caller has no session");
    if (!sessions.has(role)) sessions.set(role, signIn(app, role));
    return sessions.get(role)!;
  };

  const makeCase = async (role: Role, relation: CaseRelation): Promise<CaseFixture> => {
    const caseRef = newCaseRef();
    const clientName = `Matriisi Asiakas ${unique()}`;
    const own = relation === "own" && role !== SIGNED_OUT;
    const organisations = organisationsFor(role, relation);
    const side = sideOfRole(role);
    await app.store.cases.create({ caseRef, pathway: MATRIX_KEY, ...organisations, municipality: "638", startedBy: "nobody.matrix", startedAt: new Date() });
    const intake = groupsOf(role).includes("county-intake");
    // own: intake's task waits on their county's intake; others are on the team (a lead leads it);
    // same-org: the task waits on a side of the team they are not on; other-org: on another county's intake
    const candidateGroup =
      relation === "other-org" ? intakeGroup(organisations.countyId) : own && intake ? intakeGroup(organisations.countyId) : teamGroup(caseRef, side ?? "county");
    // as claiming through the app would, the claim below puts the role on the team (a lead leads it)
    if (own && side && !groupsOf(role).includes("team-lead")) await app.store.cases.join(caseRef, role, side, "worker", "matrix", new Date());
    const started = unwrap(
      await engine.client.POST("/process-definition/key/{key}/start", {
        params: { path: { key: MATRIX_KEY } },
        body: {
          businessKey: caseRef,
          variables: {
            caseRef: { value: caseRef, type: "String" },
            clientName: { value: clientName, type: "String" },
            candidateGroup: { value: candidateGroup, type: "String" },
            referrerUserId: { value: "nobody.matrix", type: "String" },
          },
        },
      }),
    );
    const [task] = unwrap(await engine.client.GET("/task", { params: { query: { processInstanceId: started.id! } } }));
    // a claimed task is the claimer's own: admins and process owners have a case only that way
    if (own) unwrap(await engine.client.POST("/task/{id}/claim", { params: { path: { id: task!.id! } }, body: { userId: role } }));
    const entry = await app.store.inbox.add({
      userId: own ? role : "someone.else",
      caseRef,
      template: "security-matrix",
      title: `Asia ${caseRef}`,
      body: "Asia odottaa.",
      link: `/tasklist/cases/${caseRef}`,
      createdAt: new Date(),
    });
    return { caseRef, ...organisations, clientName, instanceId: started.id!, taskId: task!.id!, inboxEntryId: entry.id };
  };
  const cases = new Map<string, Promise<CaseFixture>>();
  const caseFor = (role: Role, relation: CaseRelation, fresh = false) => {
    if (fresh) return makeCase(role, relation);
    const key = `${role} ${relation}`;
    if (!cases.has(key)) cases.set(key, makeCase(role, relation));
    return cases.get(key)!;
  };

  const worker = createEngineClient(engine.worker);
  const makeIncident = async () => {
    const businessKey = newCaseRef();
    const started = unwrap(await engine.client.POST("/process-definition/key/{key}/start", { params: { path: { key: INCIDENT_KEY } }, body: { businessKey } }));
    const workerId = `security-${unique()}`;
    const [locked] = await until(async () => {
      const tasks = unwrap(
        await worker.POST("/external-task/fetchAndLock", {
          body: { workerId, maxTasks: 1, topics: [{ topicName: INCIDENT_TOPIC, lockDuration: 60_000, businessKey }] },
        }),
      );
      return tasks.length ? tasks : undefined;
    });
    unwrap(await worker.POST("/external-task/{id}/failure", { params: { path: { id: locked!.id! } }, body: { workerId, errorMessage: "register unavailable", retries: 0, retryTimeout: 0 } }));
    const [incident] = unwrap(await engine.client.GET("/incident", { params: { query: { processInstanceId: started.id! } } }));
    return { id: incident!.id!, instanceId: started.id! };
  };
  let sharedIncident: Promise<{ id: string; instanceId: string }> | undefined;

  const makeVictim = async () => {
    const userId = await throwawayUser(engine, ["county-intake"], "victim");
    return { userId, session: await signIn(app, userId) };
  };
  let sharedVictim: Promise<{ userId: string; session: Session }> | undefined;

  return {
    engine,
    app,
    session,
    caseFor,
    incident: (fresh = false) => (fresh ? makeIncident() : (sharedIncident ??= makeIncident())),
    victim: (fresh = false) => (fresh ? makeVictim() : (sharedVictim ??= makeVictim())),
    definitionId: definition!.id!,
    close: () => app.close(),
  };
}
