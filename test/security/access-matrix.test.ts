import { expect } from "chai";
import { createEngineClient } from "../../lib/engine/client.js";
import { openStore } from "../../lib/store/index.js";
import { createApp } from "../../web/server/app.js";
import { listRoutes } from "../../web/server/route-list.js";
import { assertClassified, CASE_RELATIONS, ROUTE_POLICY, routeKey, unclassified, type CaseRelation } from "../../web/server/route-policy.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { ENGINE_INTERNALS } from "./support/answers.js";
import { mayCall, mayName } from "./support/policy.js";
import { ROUTE_REQUESTS, send } from "./support/route-requests.js";
import { buildWorld, ROLES, SIGNED_OUT, type Role, type World } from "./support/world.js";

interface Cell {
  route: string;
  role: Role;
  relation: CaseRelation;
  status: number;
  /** what went wrong: a leak, or an answer the policy does not expect */
  leak?: string;
  wrong?: string;
}

/** a column's head: the user id's last part, shortened */
const short = (role: Role) => (role === "signed-out" ? "out" : role.split(".")[1]!.slice(0, 4));
const RELATION_MARK: Record<CaseRelation, string> = { own: "o", "same-org": "s", "other-org": "x" };

function table(routes: string[], cells: Cell[]): string {
  const width = Math.max(...routes.map((r) => r.length));
  const columns = ROLES.flatMap((role) => CASE_RELATIONS.map((relation) => ({ role, relation })));
  const head = `${"route".padEnd(width)} | ${columns.map((c) => `${short(c.role)}/${RELATION_MARK[c.relation]}`.padStart(6)).join(" ")}`;
  const lines = routes.map((route) => {
    const row = columns.map(({ role, relation }) => {
      const cell = cells.find((c) => c.route === route && c.role === role && c.relation === relation);
      return `${cell ? cell.status : "-"}${cell?.leak ? "!" : cell?.wrong ? "?" : " "}`.padStart(6);
    });
    return `${route.padEnd(width)} | ${row.join(" ")}`;
  });
  return [head, "-".repeat(head.length), ...lines, "", "status per role (o: a case of their own, s: one of their organisation they have no part in, x: one of another organisation); ! a leak, ? an unexpected answer"].join("\n");
}

/**
 * Every route of the web app, read from its express routers, against every demo role and a caller
 * with no session, each on a case of their own and one they have no part in. The policy of each
 * route is route-policy.ts; a leak is an answer other than a refusal to someone it refuses, a
 * refused request that changed something, or an answer naming a case its caller may not reach.
 */
describe("the access matrix: every route × every demo user × own case, same organisation, other organisation", function () {
  this.timeout(900_000);
  let engine: TestEngine;
  let world: World;

  before(async () => {
    engine = await useEngine();
    world = await buildWorld(engine);
  });
  after(async () => {
    await world?.close();
  });

  it("classifies every route and has a request for each", () => {
    const routes = listRoutes(world.app.app);
    expect(routes.length).to.be.greaterThan(30);
    expect(unclassified(routes)).to.deep.equal({ routes: [], stale: [] });
    expect(routes.map(routeKey).filter((k) => !(k in ROUTE_REQUESTS))).to.deep.equal([]);
  });

  it("prints its table and finds no leak", async () => {
    const routes = listRoutes(world.app.app).map(routeKey);
    const cells: Cell[] = [];
    for (const route of routes) {
      const policy = ROUTE_POLICY[route]!;
      for (const role of ROLES) {
        // the role's cases of every relation, each with a reference and a client name of its own
        const fixtures = await Promise.all(CASE_RELATIONS.map(async (r) => ({ relation: r, fixture: await world.caseFor(role, r) })));
        for (const relation of CASE_RELATIONS) {
          const prepared = await ROUTE_REQUESTS[route]!(world, role, relation);
          const before = await prepared.effect?.();
          const response = await send(world, role, prepared);
          const text = await response.text();
          const after = await prepared.effect?.();
          const cell: Cell = { route, role, relation, status: response.status };
          const allowed = mayCall(policy, role, relation);
          // a refused caller may learn of no case; an allowed one only of the cases the route may name
          const forbidden = [...fixtures, ...(prepared.reaches ? [{ relation, fixture: prepared.reaches }] : [])].filter((f) => !allowed || !mayName(policy, f.relation, role));
          const named = forbidden.flatMap((f) => [f.fixture.caseRef, f.fixture.clientName]).filter((m) => text.includes(m));
          if (!allowed && response.status < 400) cell.leak = `answered ${response.status} to a caller it refuses`;
          else if (!allowed && JSON.stringify(before) !== JSON.stringify(after)) cell.leak = `a refused request changed ${JSON.stringify(before)} to ${JSON.stringify(after)}`;
          else if (named.length) cell.leak = `the answer names a case the caller may not reach (${named.join(", ")})`;
          else if (!allowed && response.status !== (role === SIGNED_OUT ? 401 : policy.refusal)) cell.wrong = `refused with ${response.status}, not ${role === SIGNED_OUT ? 401 : policy.refusal}: ${text.slice(0, 200)}`;
          else if (allowed && response.status >= 400) cell.wrong = `refused a caller it allows: ${response.status} ${text.slice(0, 200)}`;
          else if (ENGINE_INTERNALS.test(text)) cell.wrong = `the answer shows the engine's own words: ${ENGINE_INTERNALS.exec(text)![0]}`;
          cells.push(cell);
        }
      }
    }
    console.log(`\n${table(routes, cells)}\n`);
    const leaks = cells.filter((c) => c.leak).map((c) => `${c.route} as ${c.role} (${c.relation}): ${c.leak}`);
    const wrong = cells.filter((c) => c.wrong).map((c) => `${c.route} as ${c.role} (${c.relation}): ${c.wrong}`);
    console.log(`access matrix: ${routes.length} routes × ${ROLES.length} callers × ${CASE_RELATIONS.length} relations = ${cells.length} requests; ${leaks.length} leaks, ${wrong.length} unexpected answers`);
    expect(leaks, "leaks").to.deep.equal([]);
    expect(wrong, "answers the policy does not expect").to.deep.equal([]);
  });

  it("fails an app with a route nobody classified, before it serves anything", async () => {
    const store = await openStore({ backend: "memory" });
    try {
      const deps = { engine: { connection: engine.app, client: createEngineClient(engine.app) }, store };
      const app = createApp(deps);
      app.get("/api/new-report", (_req, res) => void res.json({}));
      expect(() => assertClassified(listRoutes(app))).to.throw(/GET \/api\/new-report/);

      const policy = ROUTE_POLICY["GET /api/inbox"]!;
      delete ROUTE_POLICY["GET /api/inbox"];
      try {
        expect(() => createApp(deps)).to.throw(/route-policy\.ts.*GET \/api\/inbox/);
      } finally {
        ROUTE_POLICY["GET /api/inbox"] = policy;
      }
    } finally {
      await store.close();
    }
  });
});
