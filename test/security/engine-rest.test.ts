import { expect } from "chai";
import { readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { z } from "zod";
import { basicAuthHeader, SERVICE_ACCOUNTS, type EngineConnection } from "../../lib/config.js";
import { unwrap } from "../../lib/engine/client.js";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS } from "../../lib/engine/demo-users.js";
import { deployResources } from "../../lib/engine/deploy.js";
import { GRANTS } from "../../lib/engine/service-accounts.js";
import { singleUserTask } from "../support/models.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { ensureDemoUsers } from "../web/support/tasklist-app.js";

/** Every operation of the engine's REST API, from its OpenAPI document (the one the client is typed from). */
const OpenApi = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) });
const METHODS = ["get", "post", "put", "delete", "options"] as const;
const operations = Object.entries(OpenApi.parse(JSON.parse(readFileSync("../shared/camunda/openapi-7.24.json", "utf8"))).paths).flatMap(
  ([path, ops]) => METHODS.filter((m) => m in ops).map((method) => ({ method: method.toUpperCase(), path })),
);
/** the one operation the engine answers without authentication: the names of its engines */
const OPEN = "GET /engine";

/** Path parameters filled in: the gate refuses before anything is looked up, so any value will do. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, "x");

async function call(connection: EngineConnection | null, method: string, path: string) {
  const hasBody = method === "POST" || method === "PUT";
  const response = await fetch(`${connection?.url}${path}`, {
    method,
    headers: {
      ...(connection?.user ? { Authorization: basicAuthHeader(connection) } : {}),
      ...(hasBody ? { "content-type": "application/json" } : {}),
    },
    ...(hasBody ? { body: "{}" } : {}),
  });
  return { status: response.status, body: await response.text() };
}

/**
 * The engine belongs to the app (issue #10): with a staff member's own password, every
 * operation of the REST API, on the default engine and by its name, is refused by the engine's
 * REST gate; anonymous calls are refused by authentication; and the service accounts reach only
 * what they were granted.
 */
describe("the engine's REST API against staff accounts and the service accounts", function () {
  this.timeout(300_000);
  let engine: TestEngine;

  before(async () => {
    engine = await useEngine();
    await ensureDemoUsers(engine);
  });

  it(`refuses all ${operations.length} operations, default and named engine, to every demo role with its own password`, async () => {
    expect(operations.length).to.be.at.least(390);
    const table: string[] = [];
    let successes = 0;
    for (const user of DEMO_USERS) {
      const staff = { url: engine.connection.url, user: user.id, password: DEFAULT_DEMO_PASSWORD };
      // the password is right: the engine knows the person, and still gives them nothing
      expect(unwrap(await engine.client.POST("/identity/verify", { body: { username: user.id, password: DEFAULT_DEMO_PASSWORD } })).authenticated).to.equal(true);
      const statuses = new Map<number, number>();
      for (const { method, path } of operations) {
        for (const prefix of ["", "/engine/default"]) {
          const target = `${prefix}${concrete(path)}`;
          if (`${method} ${target}` === OPEN) continue;
          const { status, body } = await call(staff, method, target);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status !== 403) {
            successes += 1;
            table.push(`  LEAK ${user.id} ${method} ${target}: ${status} ${body.slice(0, 120)}`);
          } else {
            expect(body, `${method} ${target}`).to.contain("reserved for Nivel's service accounts");
          }
        }
      }
      table.push(`  ${user.id.padEnd(16)} ${user.groups.join(",").padEnd(22)} ${[...statuses].map(([s, n]) => `${s}×${n}`).join(" ")}`);
    }
    console.log(table.join("\n"));
    expect(successes).to.equal(0);
  });

  it("answers anonymous calls with 401 and lists only the engine names openly", async () => {
    const anonymous = { url: engine.connection.url, user: "", password: "" };
    for (const { method, path } of operations.filter((o) => `${o.method} ${o.path}` !== OPEN)) {
      expect((await call(anonymous, method, concrete(path))).status, `${method} ${path}`).to.equal(401);
    }
    const open = await call(anonymous, "GET", "/engine");
    expect(open.status).to.equal(200);
    expect(JSON.parse(open.body)).to.deep.equal([{ name: "default" }]);
  });

  it("keeps each service account to its grants: neither changes identities or authorizations, the workers neither deploy nor start cases", async () => {
    const key = `rest-limits-${Date.now().toString(36)}`;
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: singleUserTask(key) }], key);
    const instance = unwrap(await engine.client.POST("/process-definition/key/{key}/start", { params: { path: { key } }, body: {} }));
    const json = (connection: EngineConnection, method: string, path: string, body: unknown) =>
      fetch(`${connection.url}${path}`, {
        method,
        headers: { Authorization: basicAuthHeader(connection), "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((r) => r.status);
    for (const account of [engine.app, engine.worker]) {
      expect(await json(account, "POST", "/user/create", { profile: { id: `intruder${Date.now()}` }, credentials: { password: "Intruder-pass-1" } }), `${account.user} creates a user`).to.equal(403);
      expect(await json(account, "PUT", "/group/admin/members/rise.virtanen", {}), `${account.user} makes someone an admin`).to.equal(403);
      expect(await json(account, "POST", "/authorization/create", { type: 1, permissions: ["ALL"], userId: account.user, resourceType: 4, resourceId: "*" }), `${account.user} grants itself`).to.equal(403);
      expect(await json(account, "PUT", "/user/rise.virtanen/credentials", { password: "Taken-over-1", authenticatedUserPassword: account.password }), `${account.user} changes a password`).to.equal(403);
    }
    expect(await json(engine.worker, "POST", `/process-definition/key/${key}/start`, {}), "the workers start no case").to.equal(403);
    const form = new FormData();
    form.set("x.bpmn", new Blob([singleUserTask(`${key}-w`)]), "x.bpmn");
    const deployAsWorker = await fetch(`${engine.worker.url}/deployment/create`, { method: "POST", headers: { Authorization: basicAuthHeader(engine.worker) }, body: form });
    expect(deployAsWorker.status, "the workers deploy nothing").to.equal(403);
    expect(
      await fetch(`${engine.worker.url}/process-instance/${instance.id}`, { method: "DELETE", headers: { Authorization: basicAuthHeader(engine.worker) } }).then((r) => r.status),
      "the workers cancel no case",
    ).to.equal(403);
    // what each account holds is exactly GRANTS: nothing granted on the side
    for (const [account, user] of Object.entries(SERVICE_ACCOUNTS) as [keyof typeof GRANTS, string][]) {
      const held = unwrap(await engine.client.GET("/authorization", { params: { query: { userIdIn: user } } }));
      expect(held.map((a) => [a.resourceType, [...(a.permissions ?? [])].sort()]).sort(), user).to.deep.equal(
        GRANTS[account].map((g) => [g.resourceType, [...g.permissions].sort()]).sort(),
      );
    }
    // and a staff account holds none at all, though it has tasks offered to its groups
    for (const user of DEMO_USERS) {
      expect(unwrap(await engine.client.GET("/authorization", { params: { query: { userIdIn: user.id } } })), user.id).to.deep.equal([]);
    }
  });

  it("refuses a weak password for a new user (the engine's password policy)", async () => {
    const weak = await fetch(`${engine.connection.url}/user/create`, {
      method: "POST",
      headers: { Authorization: basicAuthHeader(engine.connection), "content-type": "application/json" },
      body: JSON.stringify({ profile: { id: `weak${Date.now()}` }, credentials: { password: "1" } }),
    });
    expect(weak.status).to.be.at.least(400);
    expect(await weak.text()).to.match(/policy/i);
    const policy = unwrap(await engine.client.GET("/identity/password-policy"));
    expect(policy.rules?.map((r) => r.placeholder)).to.include.members(["PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_UPPERCASE", "PASSWORD_POLICY_DIGIT", "PASSWORD_POLICY_SPECIAL"]);
  });

  it("listens on the loopback interface only, with its own web apps off", async function () {
    if (engine.kind === "external") this.skip();
    const port = new URL(engine.connection.url).port;
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal);
    expect(outside, "this machine has a non-loopback address to try").to.not.equal(undefined);
    const reached = await fetch(`http://${outside!.address}:${port}/actuator/health`).then(
      () => true,
      () => false,
    );
    expect(reached, `the engine answered on ${outside!.address}`).to.equal(false);
    const webapps = await fetch(`${engine.connection.url.replace(/\/engine-rest$/, "")}/${engine.kind}/app/cockpit/default/`);
    expect(webapps.status).to.equal(404);
  });
});
