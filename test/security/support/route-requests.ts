/**
 * One valid request per route of the web app (declares no tests), as a given role standing in a
 * given relation to a case: the access matrix, the no-store and the control-character suites
 * send these. Requests that change what they reach get fixtures of their own, and say how to read
 * what they would change (`effect`), so a refused one can be shown to have changed nothing.
 * Keyed like web/server/route-policy.ts; a route with no request here fails those suites.
 */
import { randomBytes } from "node:crypto";
import { unwrap } from "../../../lib/engine/client.js";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS } from "../../../lib/engine/demo-users.js";
import type { CaseRelation } from "../../../web/server/route-policy.js";
import { executableProcess } from "../../support/models.js";
import { newCaseRef, signIn, type Session } from "../../web/support/tasklist-app.js";
import { MATRIX_KEY, organisationOfRole, SIGNED_OUT, sideOfRole, type CaseFixture, type Role, type World } from "./world.js";

export interface PreparedRequest {
  method: string;
  path: string;
  json?: unknown;
  /** a session to send it with instead of the role's own (a request that ends its session) */
  session?: Session;
  /** the case it reaches, if any: its reference and client name are what a leak would show */
  reaches?: CaseFixture;
  /** reads what the request would change; equal before and after when it changed nothing */
  effect?: () => Promise<unknown>;
}

type Recipe = (world: World, role: Role, relation: CaseRelation) => Promise<PreparedRequest>;

const unique = () => randomBytes(4).toString("hex");

const assigneeOf = (world: World, c: CaseFixture) => async () =>
  (await world.engine.client.GET("/task/{id}", { params: { path: { id: c.taskId } } })).data?.assignee ?? "(no task)";
const stateOf = (world: World, c: CaseFixture) => async () => {
  const [instance] = unwrap(await world.engine.client.GET("/history/process-instance", { params: { query: { processInstanceId: c.instanceId } } }));
  const tasks = unwrap(await world.engine.client.GET("/task", { params: { query: { processInstanceId: c.instanceId } } }));
  const variables = unwrap(await world.engine.client.GET("/history/variable-instance", { params: { query: { processInstanceId: c.instanceId } } }));
  return { state: instance?.state, tasks: tasks.map((t) => [t.id, t.assignee ?? null]), variables: variables.map((v) => [v.name, v.value]).sort() };
};

/** a case's request: the shared fixture for reads, a fresh one for changes */
const onCase =
  (build: (c: CaseFixture, world: World, role: Role) => Omit<PreparedRequest, "reaches">, fresh = false): Recipe =>
  async (world, role, relation) => {
    const c = await world.caseFor(role, relation, fresh);
    return { ...build(c, world, role), reaches: c };
  };

const get = (path: string): Recipe => async () => ({ method: "GET", path });

export const ROUTE_REQUESTS: Record<string, Recipe> = {
  "GET /": get("/"),
  "GET /tasklist/cases/:caseRef": onCase((c) => ({ method: "GET", path: `/tasklist/cases/${c.caseRef}` })),
  "GET /favicon.ico": get("/favicon.ico"),
  "POST /api/login": async (world, role) => {
    // signed out is what a person is before signing in
    const username = role === SIGNED_OUT ? "rise.virtanen" : role;
    return {
      method: "POST",
      path: "/api/login",
      json: { username, password: DEFAULT_DEMO_PASSWORD },
      effect: async () => (await world.app.store.sessions.signedIn(new Date())).find((u) => u.userId === username)?.sessions ?? 0,
    };
  },
  "POST /api/logout": async (world, role) => {
    if (role === SIGNED_OUT) return { method: "POST", path: "/api/logout" };
    const session = await signIn(world.app, role);
    return { method: "POST", path: "/api/logout", session, effect: async () => (await session.fetch("/api/me")).status };
  },
  "GET /api/me": get("/api/me"),
  "PUT /api/me/language": async (world, role) => ({
    method: "PUT",
    path: "/api/me/language",
    json: { language: "fi" },
    effect: async () => (role === SIGNED_OUT ? null : world.app.store.preferences.languageOf(role)),
  }),
  "GET /api/tasks": get("/api/tasks?view=groups"),
  "GET /api/tasks/:id": onCase((c) => ({ method: "GET", path: `/api/tasks/${c.taskId}` })),
  "POST /api/tasks/:id/claim": onCase((c, world) => ({ method: "POST", path: `/api/tasks/${c.taskId}/claim`, effect: assigneeOf(world, c) }), true),
  "POST /api/tasks/:id/unclaim": onCase((c, world) => ({ method: "POST", path: `/api/tasks/${c.taskId}/unclaim`, effect: assigneeOf(world, c) }), true),
  "POST /api/tasks/:id/complete": onCase(
    (c, world) => ({ method: "POST", path: `/api/tasks/${c.taskId}/complete`, json: { data: { summary: "Tilanne kartoitettu", meetingsPlanned: 1 } }, effect: stateOf(world, c) }),
    true,
  ),
  "GET /api/cases/:caseRef": onCase((c) => ({ method: "GET", path: `/api/cases/${c.caseRef}` })),
  "POST /api/cases": async (world, role) => {
    const clientName = `Matriisi Uusi ${unique()}`;
    // intake starts cases of its own county's residents: Porvoo is Itä-Uusimaa's, Tampere Pirkanmaa's
    const municipality = organisationOfRole(role) === "hva-pirkanmaa" ? "837" : "638";
    return {
      method: "POST",
      path: "/api/cases",
      json: { pathway: "joint-assessment", clientName, referrerOrganisation: "county", municipality, riseUnitId: "rise-vantaan-vankila" },
      effect: async () =>
        unwrap(await world.engine.client.POST("/history/process-instance/count", { body: { variables: [{ name: "clientName", operator: "eq", value: clientName }] } })).count,
    };
  },
  "GET /api/pathways": get("/api/pathways"),
  "GET /api/organisations": get("/api/organisations"),
  "POST /api/cases/:caseRef/handover": onCase((c, world, role) => {
    // a team lead's side, handed to a worker of the lead's own organisation
    const side = sideOfRole(role) ?? "county";
    const organisation = side === "county" ? c.countyId : c.riseUnitId;
    const to = DEMO_USERS.find((u) => u.organisation === organisation && u.groups.includes(side === "county" ? "county-social-worker" : "rise-caseworker"))!.id;
    return { method: "POST", path: `/api/cases/${c.caseRef}/handover`, json: { side, from: null, to }, effect: async () => (await world.app.store.cases.team(c.caseRef)).map((m) => m.userId) };
  }, true),
  "POST /api/cases/:caseRef/transfer": onCase(
    (c, world) => ({
      method: "POST",
      path: `/api/cases/${c.caseRef}/transfer`,
      json: { municipality: c.countyId === "hva-pirkanmaa" ? "638" : "837" },
      effect: async () => (await world.app.store.cases.pendingTransfer(c.caseRef))?.toCountyId ?? null,
    }),
    true,
  ),
  "GET /api/transfers": get("/api/transfers"),
  "GET /api/cases/:caseRef/consent": onCase((c) => ({ method: "GET", path: `/api/cases/${c.caseRef}/consent` })),
  "PUT /api/cases/:caseRef/consent": onCase(
    (c, world, role) => ({
      method: "PUT",
      path: `/api/cases/${c.caseRef}/consent`,
      // what the caller's own side may disclose: nobody grants themselves the other side's data
      json: { grants: [{ item: "goals", to: sideOfRole(role) === "rise" ? "county" : "rise" }], purpose: "Yhteinen arviointi", givenHow: "in-person", validUntil: null },
      effect: async () => (await world.app.store.consents.history(c.caseRef)).length,
    }),
    true,
  ),
  "GET /api/cases/:caseRef/access-report": onCase((c) => ({ method: "GET", path: `/api/cases/${c.caseRef}/access-report` })),
  "POST /api/transfers/:id/accept": async (world, role) => {
    // a case of another county moving into the role's county (Itä-Uusimaa for roles of none)
    const into = sideOfRole(role) === "county" ? organisationOfRole(role)! : "hva-ita-uusimaa";
    const from = into === "hva-pirkanmaa" ? "hva-ita-uusimaa" : "hva-pirkanmaa";
    const caseRef = newCaseRef();
    await world.app.store.cases.create({ caseRef, pathway: MATRIX_KEY, countyId: from, riseUnitId: "rise-vaasan-vankila", municipality: "000", startedBy: "nobody.matrix", startedAt: new Date() });
    const transfer = await world.app.store.cases.requestTransfer({ caseRef, fromCountyId: from, toCountyId: into, municipality: into === "hva-pirkanmaa" ? "837" : "638", by: "nobody.matrix", at: new Date() });
    return { method: "POST", path: `/api/transfers/${transfer.id}/accept`, effect: async () => (await world.app.store.cases.get(caseRef))?.countyId };
  },
  "GET /api/inbox": get("/api/inbox"),
  "POST /api/inbox/:id/read": onCase(
    (c, world, role) => ({
      method: "POST",
      path: `/api/inbox/${c.inboxEntryId}/read`,
      effect: async () => {
        const entries = [...(role === SIGNED_OUT ? [] : await world.app.store.inbox.listFor(role)), ...(await world.app.store.inbox.listFor("someone.else", { limit: 10_000 }))];
        return entries.find((e) => e.id === c.inboxEntryId)?.readAt ?? null;
      },
    }),
    true,
  ),
  "GET /api/audit": get("/api/audit?limit=50"),

  "GET /cockpit": get("/cockpit/"),
  "GET /cockpit/api/definitions": get("/cockpit/api/definitions"),
  "GET /cockpit/api/definitions/:id/xml": async (world) => ({ method: "GET", path: `/cockpit/api/definitions/${world.definitionId}/xml` }),
  "GET /cockpit/api/deadlines": get("/cockpit/api/deadlines"),
  "GET /cockpit/api/instances": get(`/cockpit/api/instances?pathway=${MATRIX_KEY}`),
  "GET /cockpit/api/instances/:id": onCase((c) => ({ method: "GET", path: `/cockpit/api/instances/${c.instanceId}` })),
  "GET /cockpit/api/measures": get("/cockpit/api/measures"),
  "GET /cockpit/api/sessions": get("/cockpit/api/sessions"),
  "POST /cockpit/api/sessions/:userId/end": async (world) => {
    const victim = await world.victim(true);
    return { method: "POST", path: `/cockpit/api/sessions/${victim.userId}/end`, effect: async () => (await victim.session.fetch("/api/me")).status };
  },
  "POST /cockpit/api/incidents/:id/retry": async (world) => {
    const incident = await world.incident(true);
    return {
      method: "POST",
      path: `/cockpit/api/incidents/${incident.id}/retry`,
      effect: async () => unwrap(await world.engine.client.GET("/incident", { params: { query: { processInstanceId: incident.instanceId } } })).length,
    };
  },
  "POST /cockpit/api/instances/:id/cancel": onCase((c, world) => ({ method: "POST", path: `/cockpit/api/instances/${c.instanceId}/cancel`, json: { reason: "Matriisin testi" }, effect: stateOf(world, c) }), true),
  "POST /cockpit/api/instances/:id/variables": onCase(
    (c, world) => ({ method: "POST", path: `/cockpit/api/instances/${c.instanceId}/variables`, json: { name: "clientName", value: "Korjattu Nimi" }, effect: stateOf(world, c) }),
    true,
  ),
  "POST /cockpit/api/instances/:id/message": onCase(
    (c, world) => ({ method: "POST", path: `/cockpit/api/instances/${c.instanceId}/message`, json: { messageName: "ReleaseDateChanged", date: "2027-01-15" }, effect: stateOf(world, c) }),
    true,
  ),

  "GET /modeler": get("/modeler/"),
  "GET /modeler/api/definitions": get("/modeler/api/definitions"),
  "GET /modeler/api/definitions/:id/xml": async (world) => ({ method: "GET", path: `/modeler/api/definitions/${world.definitionId}/xml` }),
  "GET /modeler/api/forms": get("/modeler/api/forms"),
  "POST /modeler/api/deploy": async (world) => {
    const key = `security-deploy-${unique()}`;
    return {
      method: "POST",
      path: "/modeler/api/deploy",
      json: {
        diagram: {
          name: `${key}.bpmn`,
          xml: executableProcess(key, `<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" /><bpmn:endEvent id="end" />`),
        },
      },
      effect: async () => unwrap(await world.engine.client.GET("/process-definition/count", { params: { query: { key } } })).count,
    };
  },
};

/** Sends a prepared request as the role: with its own session, the prepared one, or none. */
export async function send(world: World, role: Role, prepared: PreparedRequest, override: { path?: string; json?: unknown; rawBody?: string } = {}): Promise<Response> {
  const path = override.path ?? prepared.path;
  const json = "json" in override ? override.json : prepared.json;
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (override.rawBody !== undefined) body = override.rawBody;
  else if (json !== undefined) body = JSON.stringify(json);
  if (body !== undefined) headers["content-type"] = "application/json";
  const session = role === SIGNED_OUT ? undefined : (prepared.session ?? (await world.session(role)));
  if (session) {
    headers.cookie = session.cookie;
    if (prepared.method !== "GET") headers["x-csrf-token"] = session.csrfToken;
  }
  return fetch(`${world.app.url}${path}`, { method: prepared.method, redirect: "manual", headers, ...(body !== undefined ? { body } : {}) });
}
