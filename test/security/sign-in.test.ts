import { expect } from "chai";
import { unwrap } from "../../lib/engine/client.js";
import { DEFAULT_DEMO_PASSWORD } from "../../lib/engine/demo-users.js";
import { openStore } from "../../lib/store/index.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { ensureDemoUsers, startApp, type AppOptions, type RunningApp } from "../web/support/tasklist-app.js";
import { throwawayUser } from "./support/world.js";

const WINDOW = 15 * 60_000;

/** A sign-in from `address` (behind a proxy the app trusts, which names the client in X-Forwarded-For). */
function signInFrom(app: RunningApp, address: string, username: string, password = DEFAULT_DEMO_PASSWORD): Promise<Response> {
  return fetch(`${app.url}/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ username, password }),
  });
}

/**
 * Sign-in is throttled per user name and per source address, counting failed sign-ins only, with
 * the counters in the app store. Wrong passwords are tried only on users of the test's own: the
 * engine also delays and finally locks a user after failed attempts, and the demo users must stay
 * usable for the other suites.
 */
describe("sign-in: throttled per user and per address, audited, and the engine's password policy", function () {
  this.timeout(120_000);
  let engine: TestEngine;
  const apps: RunningApp[] = [];
  const app = async (limits: { perUser: number; perAddress: number }, options: AppOptions = {}) => {
    const started = await startApp(engine, { trustProxy: 1, signInLimits: { ...limits, windowMs: WINDOW }, ...options });
    apps.push(started);
    return started;
  };

  before(async () => {
    engine = await useEngine();
    await ensureDemoUsers(engine);
  });
  after(async () => {
    for (const a of apps.splice(0)) await a.close();
  });

  it("stops guessing one user's password from rotating addresses after the limit, whatever the case of the name", async () => {
    const limited = await app({ perUser: 3, perAddress: 100 });
    const userId = await throwawayUser(engine, ["county-intake"]);
    const statuses = [];
    for (let i = 1; i <= 3; i++) statuses.push((await signInFrom(limited, `10.0.1.${i}`, userId, `guess-${i}`)).status);
    expect(statuses).to.deep.equal([401, 401, 401]);
    const right = await signInFrom(limited, "10.0.1.9", userId);
    expect(right.status, "the right password, from a fourth address").to.equal(429);
    expect(await right.json()).to.include({ type: "TooManyRequests", code: "too-many-sign-ins" });
    expect(right.headers.getSetCookie()).to.have.length(0);
    expect((await signInFrom(limited, "10.0.1.10", userId.toUpperCase())).status, "the same name in capitals").to.equal(429);
    // the addresses are not blocked for others
    expect((await signInFrom(limited, "10.0.1.1", "intake.korhonen")).status).to.equal(200);
  });

  it("stops one address trying many user names after the limit, and lets other addresses in", async () => {
    const limited = await app({ perUser: 100, perAddress: 3 });
    for (let i = 1; i <= 3; i++) expect((await signInFrom(limited, "10.0.2.1", `no.such.user-${i}`, "guess")).status).to.equal(401);
    expect((await signInFrom(limited, "10.0.2.1", "intake.korhonen")).status, "a real user from the same address").to.equal(429);
    expect((await signInFrom(limited, "10.0.2.2", "intake.korhonen")).status, "the same user from another address").to.equal(200);
  });

  it("does not count successful sign-ins", async () => {
    const limited = await app({ perUser: 2, perAddress: 2 });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await signInFrom(limited, "10.0.3.1", "sw.nieminen")).status);
    expect(statuses, "eight sign-ins of one user from one address at a limit of two").to.deep.equal(Array(8).fill(200));
    const userId = await throwawayUser(engine, ["county-intake"]);
    expect((await signInFrom(limited, "10.0.3.2", userId, "wrong")).status).to.equal(401);
    expect((await signInFrom(limited, "10.0.3.3", userId, "wrong")).status).to.equal(401);
    expect((await signInFrom(limited, "10.0.3.4", userId)).status, "failures still count").to.equal(429);
  });

  it("counts in the store, so several web processes share one limit", async () => {
    const store = await openStore({ backend: "memory" });
    try {
      const first = await app({ perUser: 2, perAddress: 100 }, { store });
      const second = await app({ perUser: 2, perAddress: 100 }, { store });
      const userId = await throwawayUser(engine, ["county-intake"]);
      expect((await signInFrom(first, "10.0.4.1", userId, "wrong")).status).to.equal(401);
      expect((await signInFrom(second, "10.0.4.2", userId, "wrong")).status).to.equal(401);
      expect((await signInFrom(first, "10.0.4.3", userId)).status).to.equal(429);
      expect((await signInFrom(second, "10.0.4.4", userId)).status).to.equal(429);
    } finally {
      for (const a of apps.splice(0)) await a.close();
      await store.close();
    }
  });

  it("audits sign-ins and failed sign-ins with the source address", async () => {
    const audited = await app({ perUser: 100, perAddress: 100 });
    const userId = await throwawayUser(engine, ["county-intake"]);
    // the right password first: after a wrong one the engine itself delays the user's next sign-in
    expect((await signInFrom(audited, "10.0.5.1", userId)).status).to.equal(200);
    expect((await signInFrom(audited, "10.0.5.2", userId, "wrong")).status).to.equal(401);
    const rows = await audited.store.audit.query({ actor: userId });
    expect(rows.map((r) => [r.action, r.detail])).to.deep.equal([
      ["auth.sign-in", { address: "10.0.5.1" }],
      ["auth.sign-in-failed", { address: "10.0.5.2" }],
    ]);
    expect(JSON.stringify(rows)).not.to.contain(DEFAULT_DEMO_PASSWORD).and.not.to.contain("wrong");
  });

  it("has the engine refuse a weak password for a new user, and accept one that meets its policy", async () => {
    const weak = await engine.client.POST("/user/create", { body: { profile: { id: "weak.password-user" }, credentials: { password: "1" } } });
    expect(weak.response.status).to.be.within(400, 599);
    expect((weak.error as unknown as { message?: string }).message).to.match(/password does not match policy/i);
    expect(unwrap(await engine.client.GET("/user", { params: { query: { id: "weak.password-user" } } }))).to.deep.equal([]);
    const checked = unwrap(await engine.client.POST("/identity/password-policy", { body: { password: "1" } }));
    expect(checked.valid).to.equal(false);
    expect(unwrap(await engine.client.POST("/identity/password-policy", { body: { password: DEFAULT_DEMO_PASSWORD } })).valid).to.equal(true);
  });
});
