import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { engineKindFromEnv } from "../../lib/engine/build.js";
import { createEngineClient, unwrap } from "../../lib/engine/client.js";
import { freePort } from "../../lib/engine/free-port.js";
import { startEngine, type RunningEngine } from "../../lib/engine/process.js";
import { TEST_ADMIN } from "../support/engine.js";

/**
 * The engine's own Cockpit, Tasklist and Admin are off by default (engine-rest.test.ts shows the
 * 404); switched on with ENGINE_WEBAPPS=true they open to the engine admin alone: a staff member
 * whom the engine knows, with the right password, is refused by each of them. An engine of the
 * suite's own, since the shared one runs without them.
 */
describe("the engine's own web apps, when switched on", function () {
  this.timeout(180_000);
  const kind = engineKindFromEnv();
  let engine: RunningEngine;
  let dataDir: string;
  let root: string;
  const staff = { id: `webappstaff${Date.now()}`, password: "Kissa-kala-99" };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "nivel-webapps-"));
    engine = await startEngine({ kind, dataDir, port: await freePort(), jobExecutor: false, admin: TEST_ADMIN, webapps: true });
    root = `${engine.connection.url.replace(/\/engine-rest$/, "")}/${kind}`;
    const admin = createEngineClient(engine.connection);
    unwrap(await admin.POST("/user/create", { body: { profile: { id: staff.id, firstName: "Pekka", lastName: "Puu" }, credentials: { password: staff.password } } }));
    // even a member of Nivel's own admin group (operations) is staff to the engine
    unwrap(await admin.POST("/group/create", { body: { id: "admin", name: "Ylläpito", type: "SYSTEM" } }));
    unwrap(await admin.PUT("/group/{id}/members/{userId}", { params: { path: { id: "admin", userId: staff.id } } }));
  });
  after(async () => {
    await engine?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Signs in to one of the web apps as the web apps do: the CSRF cookie from a page, then the form post. */
  async function webappLogin(app: string, username: string, password: string): Promise<number> {
    const page = await fetch(`${root}/app/${app}/default/`);
    expect(page.status).to.equal(200);
    const cookie = page.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
    const token = /XSRF-TOKEN=([^;]+)/.exec(cookie)?.[1];
    expect(token, "the web apps' CSRF token").to.be.a("string");
    const login = await fetch(`${root}/api/admin/auth/user/default/login/${app}`, {
      method: "POST",
      headers: { cookie, "X-XSRF-TOKEN": token!, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username, password }).toString(),
    });
    return login.status;
  }

  it("lets the engine admin into Cockpit, Tasklist and Admin", async () => {
    for (const app of ["cockpit", "tasklist", "admin"]) expect(await webappLogin(app, TEST_ADMIN.user, TEST_ADMIN.password), app).to.equal(200);
  });

  it("refuses a staff member with the right password, even one in Nivel's admin group", async () => {
    for (const app of ["cockpit", "tasklist", "admin"]) expect(await webappLogin(app, staff.id, staff.password), app).to.equal(403);
  });
});
