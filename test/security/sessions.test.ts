import { expect } from "chai";
import { setTimeout as sleep } from "node:timers/promises";
import type { Browser } from "playwright-core";
import { unwrap } from "../../lib/engine/client.js";
import { openStore, type Store } from "../../lib/store/index.js";
import { bundleCockpit } from "../../web/client/cockpit/bundle.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { launchBrowser } from "../web/support/browser.js";
import { ensureDemoUsers, signIn, startApp, type RunningApp } from "../web/support/tasklist-app.js";
import { throwawayUser } from "./support/world.js";

const SECOND = 1000;
const HOUR = 3_600_000;

/**
 * Sessions follow the user in the engine: its existence and groups are checked again once a
 * session's last check is older than the re-check interval (30 s by default; the clock here is the
 * app's own, moved by the test, or a real one with a short interval), by whichever web process
 * serves the request, since the check time is kept in the store.
 */
describe("sessions that follow the user", function () {
  this.timeout(180_000);
  let engine: TestEngine;

  before(async () => {
    engine = await useEngine();
    await ensureDemoUsers(engine);
  });

  describe("on the app's clock, across two web processes sharing one store", () => {
    let store: Store;
    let clock: Date;
    let first: RunningApp;
    let second: RunningApp;
    const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

    beforeEach(async () => {
      clock = new Date();
      store = await openStore({ backend: "memory" });
      first = await startApp(engine, { store, now: () => clock, sessionRecheckMs: 30 * SECOND });
      second = await startApp(engine, { store, now: () => clock, sessionRecheckMs: 30 * SECOND });
    });
    afterEach(async () => {
      await first.close();
      await second.close();
      await store.close();
    });

    it("ends the access a group gave within the re-check interval of the user's removal from it, on every process", async () => {
      const userId = await throwawayUser(engine, ["admin", "county-intake"]);
      const session = await signIn(first, userId);
      const onSecond = { ...session, fetch: (path: string) => fetch(`${second.url}${path}`, { headers: { cookie: session.cookie } }) };
      expect((await onSecond.fetch("/cockpit/api/definitions")).status, "the other process serves the session").to.equal(200);

      later(5 * SECOND);
      unwrap(await engine.client.DELETE("/group/{id}/members/{userId}", { params: { path: { id: "admin", userId } } }));
      later(24 * SECOND);
      // 29 s after the last check: within the interval, the session still holds what it was given
      expect((await session.fetch("/cockpit/api/definitions")).status, "checked 29 s ago").to.equal(200);
      later(2 * SECOND);
      const refused = await onSecond.fetch("/cockpit/api/definitions");
      expect(refused.status, "31 s after the check, 26 s after the removal").to.equal(403);
      expect(await refused.json()).to.include({ code: "forbidden" });
      // the second process's check is in the store: the first process serves the new groups without asking again
      expect((await session.fetch("/cockpit/api/definitions")).status).to.equal(403);
      expect(((await (await session.fetch("/api/me")).json()) as { groups: string[] }).groups).to.deep.equal(["county-intake"]);
      expect((await store.audit.query({ actor: userId })).map((e) => e.action)).to.include("access.refused");
    });

    it("ends every session of a user the engine no longer has within the re-check interval", async () => {
      const userId = await throwawayUser(engine, ["county-intake"]);
      const a = await signIn(first, userId);
      const b = await signIn(second, userId);
      unwrap(await engine.client.DELETE("/user/{id}", { params: { path: { id: userId } } }));
      later(29 * SECOND);
      expect((await a.fetch("/api/me")).status, "checked 29 s ago").to.equal(200);
      later(2 * SECOND);
      expect((await a.fetch("/api/me")).status, "31 s after the check").to.equal(401);
      // the other session, on the other process, ended with it
      expect((await b.fetch("/api/me")).status).to.equal(401);
      expect((await store.sessions.signedIn(clock)).map((u) => u.userId)).not.to.include(userId);
      expect((await store.audit.query({ actor: userId })).map((e) => [e.action, e.detail])).to.deep.include(["auth.sessions-ended", { reason: "user-removed" }]);
    });

    it("ends a session 12 hours after sign-in however much it is used", async () => {
      const session = await signIn(first, "rise.virtanen");
      let since = 0;
      for (const step of [3, 3, 3, 2.9]) {
        later(step * HOUR);
        since += step;
        expect((await session.fetch("/api/me")).status, `${since} h after sign-in`).to.equal(200);
      }
      later(0.2 * HOUR);
      expect((await session.fetch("/api/me")).status, "12.1 h after sign-in, used 0.2 h ago").to.equal(401);
    });
  });

  it("ends a removed user's session on the real clock within the interval (measured with a 1 s interval)", async () => {
    const app = await startApp(engine, { sessionRecheckMs: 1 * SECOND });
    try {
      const userId = await throwawayUser(engine, ["county-intake"]);
      const session = await signIn(app, userId);
      unwrap(await engine.client.DELETE("/user/{id}", { params: { path: { id: userId } } }));
      const removed = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - removed < 60 * SECOND) {
        status = (await session.fetch("/api/me")).status;
        if (status === 200) await sleep(50);
      }
      const elapsed = Date.now() - removed;
      console.log(`      measured: the removed user's session answered 401 ${elapsed} ms after the removal (re-check interval 1000 ms)`);
      expect(status).to.equal(401);
      // the bound; the interval itself is shown exactly on the app's clock above
      expect(elapsed).to.be.below(60 * SECOND);
    } finally {
      await app.close();
    }
  });

  describe("ended by an admin", () => {
    let app: RunningApp;
    let browser: Browser;
    before(async () => {
      await bundleCockpit();
      app = await startApp(engine);
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await app?.close();
    });

    it("lets only an admin end all of a user's sessions, audited", async () => {
      const userId = await throwawayUser(engine, ["county-social-worker"]);
      const [one, two] = [await signIn(app, userId), await signIn(app, userId)];
      const lead = await signIn(app, "lead.makinen");
      const refused = await lead.fetch(`/cockpit/api/sessions/${userId}/end`, { method: "POST" });
      expect(refused.status).to.equal(403);
      expect((await one.fetch("/api/me")).status, "a team lead ended nothing").to.equal(200);

      const admin = await signIn(app, "ops.heikkinen");
      const listed = (await (await admin.fetch("/cockpit/api/sessions")).json()) as { userId: string; sessions: number }[];
      expect(listed.find((u) => u.userId === userId)).to.include({ sessions: 2 });
      const ended = await admin.fetch(`/cockpit/api/sessions/${userId}/end`, { method: "POST" });
      expect([ended.status, await ended.json()]).to.deep.equal([200, { userId, ended: 2 }]);
      expect([(await one.fetch("/api/me")).status, (await two.fetch("/api/me")).status]).to.deep.equal([401, 401]);
      const rows = await app.store.audit.query({ actor: "ops.heikkinen", limit: 10_000 });
      expect(rows.filter((r) => r.action === "sessions.end").map((r) => r.detail)).to.deep.include({ userId });
      expect((await app.store.audit.query({ actor: "lead.makinen", limit: 10_000 })).map((r) => [r.action, r.detail.request])).to.deep.include([
        "access.refused",
        `POST /cockpit/api/sessions/${userId}/end`,
      ]);
      // the user signs in again, with what the engine gives them now
      expect((await (await signIn(app, userId)).fetch("/api/me")).status).to.equal(200);
    });

    it("gives the cockpit a control that ends a user's sessions", async () => {
      const userId = await throwawayUser(engine, ["county-intake"]);
      const victim = await signIn(app, userId);
      const context = await browser.newContext();
      try {
        const login = await context.request.post(`${app.url}/api/login`, { data: { username: "ops.heikkinen", password: "Nivel-demo-1" } });
        expect(login.ok()).to.equal(true);
        const page = await context.newPage();
        page.on("dialog", (dialog) => void dialog.accept());
        await page.goto(`${app.url}/cockpit/#/sessions`);
        await page.locator(`button.end-sessions[data-user="${userId}"]`).click();
        // the cockpit opens in Finnish (web/client/cockpit/strings.ts)
        await page.locator(".status", { hasText: `Käyttäjän ${userId} istuntoja päätetty: 1.` }).waitFor();
        expect((await victim.fetch("/api/me")).status).to.equal(401);
        expect(await page.locator(`button.end-sessions[data-user="${userId}"]`).count()).to.equal(0);
      } finally {
        await context.close();
      }
    });
  });
});
