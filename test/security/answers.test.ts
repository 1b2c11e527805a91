import { expect } from "chai";
import { unwrap } from "../../lib/engine/client.js";
import { listRoutes } from "../../web/server/route-list.js";
import { ROUTE_POLICY, routeKey } from "../../web/server/route-policy.js";
import { executableProcess } from "../support/models.js";
import { useEngine } from "../support/engine.js";
import { ENGINE_INTERNALS, expectOurError } from "./support/answers.js";
import { allowedRole, mayCall } from "./support/policy.js";
import { ROUTE_REQUESTS, send } from "./support/route-requests.js";
import { buildWorld, ROLES, SIGNED_OUT, throwawayUser, type World } from "./support/world.js";
import { signIn } from "../web/support/tasklist-app.js";

/**
 * Answers that give nothing away: no-store on every answer of every route (enumerated from the
 * routers), errors as JSON `{type, code, message}` everywhere, unknown addresses included, and the
 * engine's errors in our own words: 409 for a task claimed by someone else or a change that raced
 * another, 400 for a diagram the engine cannot parse, never the engine's exception names or codes.
 */
describe("answers that give nothing away", function () {
  this.timeout(300_000);
  let world: World;

  before(async () => {
    world = await buildWorld(await useEngine());
  });
  after(async () => {
    await world?.close();
  });

  it("sends Cache-Control: no-store on every route's answers, allowed, refused and signed out", async () => {
    const routes = listRoutes(world.app.app);
    let answers = 0;
    const missing: string[] = [];
    for (const route of routes) {
      const key = routeKey(route);
      const policy = ROUTE_POLICY[key]!;
      const refused = ROLES.find((r) => r !== SIGNED_OUT && !mayCall(policy, r, "other-org"));
      for (const role of new Set([allowedRole(policy), SIGNED_OUT, ...(refused ? [refused] : [])])) {
        const response = await send(world, role, await ROUTE_REQUESTS[key]!(world, role, "other-org"));
        answers += 1;
        if (response.headers.get("cache-control") !== "no-store") missing.push(`${key} as ${role}: ${response.status} ${response.headers.get("cache-control")}`);
        if (response.status >= 400) await expectOurError(response, `${key} as ${role}`);
      }
    }
    console.log(`      measured: ${routes.length} routes, ${answers} answers, ${answers - missing.length} with no-store`);
    expect(missing).to.deep.equal([]);
  });

  it("answers unknown addresses, unreadable bodies and missing assets with JSON errors, never HTML or an empty body", async () => {
    const admin = await world.session("ops.heikkinen");
    const cases: [string, () => Promise<Response>, number, string][] = [
      ["an unknown page", () => fetch(`${world.app.url}/no/such/page`), 404, "not-found"],
      ["an unknown API, signed in", () => admin.fetch("/api/no-such-thing"), 404, "not-found"],
      ["an unknown cockpit API", () => admin.fetch("/cockpit/api/no-such-thing"), 404, "not-found"],
      ["a missing asset", () => fetch(`${world.app.url}/assets/tasklist/no-such-file.js`), 404, "not-found"],
      ["a body that is not JSON", () => admin.fetch("/cockpit/api/instances/x/cancel", { method: "POST", body: "{not json", headers: { "content-type": "application/json" } }), 400, "invalid-json"],
      ["a body too large", () => admin.fetch("/cockpit/api/instances/x/cancel", { method: "POST", json: { reason: "x".repeat(300_000) } }), 413, "too-large"],
      ["an instance that does not exist", () => admin.fetch("/cockpit/api/instances/no-such-instance"), 404, "not-found"],
      ["a cancel of an instance that does not exist", () => admin.fetch("/cockpit/api/instances/no-such-instance/cancel", { method: "POST", json: { reason: "Not there" } }), 404, "not-found"],
    ];
    for (const [what, request, status, code] of cases) {
      const response = await request();
      expect(response.status, what).to.equal(status);
      expect((await expectOurError(response, what)).code, what).to.equal(code);
    }
    const someoneElses = await world.caseFor("intake.korhonen", "other-org", true);
    const intake = await world.session("intake.korhonen");
    const notMine = await intake.fetch(`/api/inbox/${someoneElses.inboxEntryId}/read`, { method: "POST" });
    expect(notMine.status).to.equal(404);
    expect((await expectOurError(notMine, "another user's notice")).code).to.equal("not-found");
  });

  it("answers 409 for a task claimed by someone else, also when two claim it at the same moment", async () => {
    const other = await signIn(world.app, await throwawayUser(world.engine, ["county-intake", "hva-ita-uusimaa"]));
    const claimed = await world.caseFor("intake.korhonen", "own", true);
    const taken = await other.fetch(`/api/tasks/${claimed.taskId}/claim`, { method: "POST" });
    expect(taken.status).to.equal(409);
    expect(await expectOurError(taken, "claimed by someone else")).to.include({ type: "TaskAlreadyClaimed", code: "task-claimed" });

    const open = await world.caseFor("intake.korhonen", "own", true);
    unwrap(await world.engine.client.POST("/task/{id}/unclaim", { params: { path: { id: open.taskId } } }));
    const intake = await world.session("intake.korhonen");
    const answers = await Promise.all([intake, other].map((s) => s.fetch(`/api/tasks/${open.taskId}/claim`, { method: "POST" })));
    expect(answers.map((a) => a.status).sort()).to.deep.equal([204, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    // which of the two the engine says depends on where the claims crossed: after the first was written, or during
    expect((await expectOurError(loser, "the claim that lost the race")).code).to.be.oneOf(["task-claimed", "concurrent-change"]);
  });

  it("answers racing completions of one task in our words: one completes, the others are told", async () => {
    const c = await world.caseFor("intake.korhonen", "own", true);
    const intake = await world.session("intake.korhonen");
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => intake.fetch(`/api/tasks/${c.taskId}/complete`, { method: "POST", json: { data: { summary: "Kartoitettu", meetingsPlanned: 1 } } })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 204), statuses.join(", ")).to.have.length(1);
    for (const answer of answers.filter((a) => a.status !== 204)) {
      const body = await expectOurError(answer, "a completion that lost the race");
      expect(answer.status, JSON.stringify(body)).to.be.oneOf([403, 404, 409]);
    }
  });

  it("answers a message the case is not waiting for with 409 in our words", async () => {
    const c = await world.caseFor("ops.heikkinen", "own", true);
    const admin = await world.session("ops.heikkinen");
    const response = await admin.fetch(`/cockpit/api/instances/${c.instanceId}/message`, { method: "POST", json: { messageName: "ClientContactLost" } });
    expect(response.status).to.equal(409);
    expect((await expectOurError(response, "an unawaited message")).code).to.equal("message-not-awaited");
  });

  it("answers 400 for a diagram the engine cannot parse, naming the elements when it can", async () => {
    const owner = await world.session("owner.laine");
    const deploy = (xml: string) => owner.fetch("/modeler/api/deploy", { method: "POST", json: { diagram: { name: "security-unparsable.bpmn", xml } } });
    const notXml = await deploy("this is not XML");
    expect(notXml.status).to.equal(400);
    expect((await expectOurError(notXml, "not XML")).code).to.equal("diagram-unreadable");
    const notBpmn = await deploy("<x/>");
    expect(notBpmn.status).to.equal(400);
    expect((await expectOurError(notBpmn, "XML, not BPMN")).type).to.equal("InvalidDiagram");
    const key = "security-runs-code";
    const runsCode = await deploy(
      executableProcess(key, `<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" /><bpmn:serviceTask id="work" camunda:class="java.lang.Runtime" /><bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" /><bpmn:endEvent id="end" />`),
    );
    expect(runsCode.status).to.equal(400);
    const text = await runsCode.text();
    const body = JSON.parse(text) as { code: string; details: Record<string, { errors: { elementIds: string[] }[] }> };
    expect(body.code).to.equal("diagram-invalid");
    expect(body.details["security-unparsable.bpmn"]!.errors.flatMap((e) => e.elementIds)).to.include("work");
    expect(unwrap(await world.engine.client.GET("/process-definition/count", { params: { query: { key } } })).count).to.equal(0);
    // the process owner sees the parse problems on the elements; the answer's own words are ours
    expect(JSON.stringify({ ...body, details: undefined })).not.to.match(ENGINE_INTERNALS);
  });
});
