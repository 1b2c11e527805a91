import { expect } from "chai";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { z } from "zod";
import { basicAuthHeader, type EngineConnection } from "../../lib/config.js";
import { unwrap } from "../../lib/engine/client.js";
import { deployableFiles, deployResources } from "../../lib/engine/deploy.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { ensureDemoUsers, signIn, startApp, type RunningApp } from "../web/support/tasklist-app.js";
import { ACCEPTED, REFUSED, type PolicyCase } from "./deployment-policy/cases.js";
import { policyDocument } from "./deployment-policy/document.js";

/** The engine's 400 for a deployment it could not parse: the problems per resource. */
const ParseFailure = z.object({
  type: z.literal("ParseException"),
  message: z.string(),
  details: z.record(z.string(), z.object({ errors: z.array(z.object({ message: z.string(), mainElementId: z.string().nullable().optional() })) })),
});

const PWNED = "/tmp/nivel-pwned";

async function deploy(connection: EngineConnection, name: string, xml: string): Promise<Response> {
  const form = new FormData();
  form.set("deployment-name", name);
  form.set(`${name}.bpmn`, new Blob([xml]), `${name}.bpmn`);
  return fetch(`${connection.url}/deployment/create`, { method: "POST", headers: { Authorization: basicAuthHeader(connection) }, body: form });
}

/** The policy's problems named in a parse failure, as [element id, message]. */
function policyProblems(body: unknown): [string | null | undefined, string][] {
  const failure = ParseFailure.parse(body);
  return Object.values(failure.details)
    .flatMap((r) => r.errors)
    .filter((e) => e.message.startsWith("Nivel deployment policy: "))
    .map((e) => [e.mainElementId, e.message]);
}

/**
 * docs/deployment-policy.md on the engine: every construct of the shared cases that could run
 * code is refused at deployment with a 400 naming the element, by whichever road the diagram
 * comes (the REST API as the app deploys, and the process owners' modeler), and what the
 * pathways need is accepted.
 */
describe("the deployment policy in the engine", function () {
  this.timeout(180_000);
  let engine: TestEngine;
  let app: RunningApp;

  before(async () => {
    rmSync(PWNED, { force: true });
    engine = await useEngine();
    await ensureDemoUsers(engine);
    app = await startApp(engine);
  });
  after(async () => {
    await app?.close();
  });

  const keyOf = (c: PolicyCase, i: number, road: string) => `policy-${road}-${i}-${Date.now().toString(36)}`;

  it(`refuses each of the ${REFUSED.length} constructs over REST with a 400 naming the element, and deploys nothing`, async () => {
    expect(REFUSED.length).to.be.at.least(30);
    for (const [i, c] of REFUSED.entries()) {
      const key = keyOf(c, i, "rest");
      const response = await deploy(engine.app, key, policyDocument(key, c));
      const body: unknown = await response.json();
      expect(response.status, `${c.name}: ${JSON.stringify(body)}`).to.equal(400);
      const problems = policyProblems(body);
      expect(problems.map(([id]) => id), c.name).to.include(c.refusedAt);
      expect(unwrap(await engine.client.GET("/process-definition/count", { params: { query: { key } } })).count, c.name).to.equal(0);
    }
    expect(existsSync(PWNED), "no command ran on the server").to.equal(false);
  });

  it(`accepts the ${ACCEPTED.length} allowed constructs and both pathways`, async () => {
    for (const [i, c] of ACCEPTED.entries()) {
      const key = keyOf(c, i, "ok");
      const response = await deploy(engine.app, key, policyDocument(key, c));
      expect(response.status, `${c.name}: ${await response.clone().text()}`).to.equal(200);
    }
    const pathways = deployableFiles(["processes"]).filter((f) => f.endsWith(".bpmn"));
    expect(pathways).to.have.length.at.least(2);
    const deployed = await deployResources(engine.app, pathways.map((f) => ({ name: f.split("/").pop()!, content: readFileSync(f, "utf8") })), "policy-pathways");
    expect(deployed.id).to.be.a("string");
  });

  it("refuses the same constructs through the modeler, with the element in the answer, for the modeler to mark", async () => {
    const owner = await signIn(app, "owner.laine");
    for (const [i, c] of REFUSED.entries()) {
      const key = keyOf(c, i, "modeler");
      const response = await owner.fetch("/modeler/api/deploy", { method: "POST", json: { diagram: { name: `${key}.bpmn`, xml: policyDocument(key, c) }, forms: [] } });
      const body = (await response.json()) as { details?: Record<string, { errors: { mainElementId?: string | null; message: string }[] }> };
      expect(response.status, c.name).to.equal(400);
      const ids = Object.values(body.details ?? {}).flatMap((r) => r.errors.map((e) => e.mainElementId));
      expect(ids, `${c.name}: ${JSON.stringify(body)}`).to.include(c.refusedAt);
      expect(unwrap(await engine.client.GET("/process-definition/count", { params: { query: { key } } })).count, c.name).to.equal(0);
    }
  });

  it("exposes no Spring bean to expressions: a name the grammar allows but no variable holds resolves to nothing", async () => {
    const key = `policy-beans-${Date.now().toString(36)}`;
    const xml = policyDocument(key, {
      name: "an input mapping naming the runtime service bean",
      body: `<bpmn:startEvent id="start"/><bpmn:serviceTask id="task" camunda:type="external" camunda:topic="policy-beans">
        <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="service">\${runtimeService}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="task"/>`,
      refusedAt: null,
    });
    expect((await deploy(engine.app, key, xml)).status).to.equal(200);
    const start = await fetch(`${engine.app.url}/process-definition/key/${key}/start`, {
      method: "POST",
      headers: { Authorization: basicAuthHeader(engine.app), "content-type": "application/json" },
      body: "{}",
    });
    const body = (await start.json()) as { message?: string };
    expect(start.status, JSON.stringify(body)).to.be.at.least(400);
    expect(body.message).to.match(/runtimeService/);
    expect(unwrap(await engine.client.GET("/process-instance/count", { params: { query: { processDefinitionKey: key } } })).count).to.equal(0);
  });
});
