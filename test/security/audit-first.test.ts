import { expect } from "chai";
import { openStore, type AuditInput, type AuditRepository, type Store } from "../../lib/store/index.js";
import { listRoutes } from "../../web/server/route-list.js";
import { ROUTE_POLICY, routeKey } from "../../web/server/route-policy.js";
import { useEngine } from "../support/engine.js";
import { expectOurError } from "./support/answers.js";
import { allowedRole } from "./support/policy.js";
import { ROUTE_REQUESTS, send } from "./support/route-requests.js";
import { buildWorld, ROLES, SIGNED_OUT, type World } from "./support/world.js";

/**
 * The app's real store, whose audit log can be made to refuse every write (as a full disk or a
 * revoked grant would), in plain appends and inside store transactions alike.
 */
function withBreakableAudit(store: Store) {
  let broken = false;
  const guarded = (audit: AuditRepository): AuditRepository => ({
    ...audit,
    append: (entry: AuditInput) => (broken ? Promise.reject(new Error("the audit log refuses writes")) : audit.append(entry)),
  });
  const wrapped: Store = { ...store, audit: guarded(store.audit), transaction: (work) => store.transaction((tx) => work({ ...tx, audit: guarded(tx.audit) })) };
  return { store: wrapped, setBroken: (value: boolean) => (broken = value) };
}

/**
 * A request whose audit row cannot be written changes nothing and shows nothing: every change
 * writes its row first (or in the store transaction with the change), every read of a case before
 * its answer. Each route is enumerated from the routers and sent as a role that may use it.
 */
describe("the audit row comes first: when it cannot be written, nothing changes and nothing is shown", function () {
  this.timeout(300_000);
  let world: World;
  let store: Store;
  let setBroken: (value: boolean) => void;

  before(async () => {
    store = await openStore({ backend: "memory" });
    const breakable = withBreakableAudit(store);
    setBroken = breakable.setBroken;
    world = await buildWorld(await useEngine(), { store: breakable.store });
    for (const role of ROLES) if (role !== SIGNED_OUT) await world.session(role);
  });
  afterEach(() => setBroken(false));
  after(async () => {
    await world?.close();
    await store?.close();
  });

  it("changes nothing through any state-changing route, and answers 500 in our words", async () => {
    const done: string[] = [];
    for (const route of listRoutes(world.app.app).filter((r) => r.method !== "GET")) {
      const key = routeKey(route);
      const role = allowedRole(ROUTE_POLICY[key]!);
      const prepared = await ROUTE_REQUESTS[key]!(world, role, "own");
      const before = await prepared.effect?.();
      const rows = (await store.audit.verify()).rows;
      setBroken(true);
      const response = await send(world, role, prepared);
      setBroken(false);
      expect(response.status, `${key} as ${role}`).to.equal(500);
      await expectOurError(response, key);
      expect(await prepared.effect?.(), `${key} changed nothing`).to.deep.equal(before);
      expect((await store.audit.verify()).rows, `${key} wrote nothing`).to.equal(rows);
      // and once the log takes rows again, the same request goes through
      expect((await send(world, role, prepared)).status, `${key} with the audit log back`).to.be.below(400);
      done.push(key);
    }
    console.log(`      ${done.length} state-changing routes: none changed anything without its audit row`);
  });

  it("follows the row of a change the engine then refused with a .failed row naming our error code", async () => {
    const c = await world.caseFor("ops.heikkinen", "own", true);
    const admin = await world.session("ops.heikkinen");
    const cancel = () => admin.fetch(`/cockpit/api/instances/${c.instanceId}/cancel`, { method: "POST", json: { reason: "Opened twice" } });
    expect((await cancel()).status).to.equal(204);
    const again = await cancel();
    expect(again.status, "the engine has no running instance to cancel").to.equal(404);
    const rows = await store.audit.query({ caseRef: c.caseRef, actor: "ops.heikkinen" });
    expect(rows.map((r) => [r.action, r.detail])).to.deep.equal([
      ["cockpit.cancel", { reason: "Opened twice", processInstanceId: c.instanceId }],
      ["cockpit.cancel", { reason: "Opened twice", processInstanceId: c.instanceId }],
      ["cockpit.cancel.failed", { reason: "Opened twice", processInstanceId: c.instanceId, code: "not-found" }],
    ]);
  });

  it("shows nothing of a case through any reading route", async () => {
    let reads = 0;
    for (const route of listRoutes(world.app.app).filter((r) => r.method === "GET")) {
      const key = routeKey(route);
      const role = allowedRole(ROUTE_POLICY[key]!);
      const prepared = await ROUTE_REQUESTS[key]!(world, role, "own");
      const c = prepared.reaches ?? (await world.caseFor(role, "own"));
      const markers = [c.caseRef, c.clientName];
      const shown = await (await send(world, role, prepared)).text();
      if (!markers.some((m) => shown.includes(m))) continue;
      reads += 1;
      setBroken(true);
      const response = await send(world, role, prepared);
      setBroken(false);
      const text = await response.clone().text();
      expect(response.status, `${key}: ${text}`).to.equal(500);
      expect(markers.filter((m) => text.includes(m)), `${key} showed the case`).to.deep.equal([]);
    }
    console.log(`      ${reads} routes that show a case: none showed it without its audit row`);
    expect(reads).to.be.greaterThanOrEqual(5);
  });
});
