import { expect } from "chai";
import { unwrap } from "../../lib/engine/client.js";
import { DEFAULT_DEMO_PASSWORD } from "../../lib/engine/demo-users.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { teamGroup } from "../../lib/organisations/case-groups.js";
import {
  deployIntakePathway,
  HOME_INTAKE,
  ensureDemoUsers,
  login,
  newCaseRef,
  openTaskOf,
  signIn,
  startApp,
  startCase,
  type RunningApp,
  type Session,
} from "./support/tasklist-app.js";

const KEY = "tasklist_api_test";

describe("web core and tasklist API (sign-in, CSRF, access, audit)", () => {
  let engine: TestEngine;
  let app: RunningApp;
  let intake: Session;
  let socialWorker: Session;
  let admin: Session;

  before(async () => {
    engine = await useEngine();
    await ensureDemoUsers(engine);
    await deployIntakePathway(engine, KEY);
    app = await startApp(engine);
    intake = await signIn(app, "intake.korhonen");
    socialWorker = await signIn(app, "sw.nieminen");
    admin = await signIn(app, "ops.heikkinen");
  });
  after(async () => {
    await app?.close();
  });

  it("refuses every API, cockpit and modeler request without a session with 401", async () => {
    for (const path of ["/api/tasks", "/api/me", "/api/cases/NIV-2026-000001", "/api/audit", "/cockpit/api/definitions", "/modeler/api/definitions"]) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status, path).to.equal(401);
      expect(await response.json(), path).to.include({ type: "AuthenticationException" });
    }
  });

  it("keeps the language a caseworker chooses, for the tasklist and their notices, and refuses one it has no words for", async () => {
    expect(((await (await socialWorker.fetch("/api/me")).json()) as { language: string | null }).language).to.equal(null);
    const noToken = await socialWorker.fetch("/api/me/language", { method: "PUT", csrf: false, json: { language: "sv" } });
    expect(noToken.status).to.equal(403);
    expect((await socialWorker.fetch("/api/me/language", { method: "PUT", json: { language: "sv" } })).status).to.equal(204);
    const bad = await socialWorker.fetch("/api/me/language", { method: "PUT", json: { language: "de" } });
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as { type: string }).type).to.equal("InvalidRequestException");
    expect(((await (await socialWorker.fetch("/api/me")).json()) as { language: string }).language).to.equal("sv");
    expect(await app.store.preferences.languageOf("sw.nieminen")).to.equal("sv");
  });

  it("sends a notice's case link on to the case in the tasklist, and nothing else", async () => {
    const link = await fetch(`${app.url}/tasklist/cases/NIV-2026-000123`, { redirect: "manual" });
    expect([link.status, link.headers.get("location")]).to.deep.equal([302, "/#/cases/NIV-2026-000123"]);
    const odd = await fetch(`${app.url}/tasklist/cases/${encodeURIComponent("<script>")}`, { redirect: "manual" });
    expect([odd.status, odd.headers.get("location")]).to.deep.equal([302, "/"]);
  });

  it("signs in against the engine's identity service with an HttpOnly, SameSite=Strict session cookie", async () => {
    // a different user: the engine delays a user's next sign-in after a wrong password
    const wrong = await login(app, "rise.lindqvist", "not-the-password");
    expect(wrong.status).to.equal(401);
    expect(wrong.headers.getSetCookie()).to.have.length(0);

    const right = await login(app, "intake.korhonen");
    expect(right.status).to.equal(200);
    const cookie = right.headers.getSetCookie()[0]!;
    expect(cookie).to.match(/^nivel_session=/).and.match(/HttpOnly/i).and.match(/SameSite=Strict/i);
    const me = await (await intake.fetch("/api/me")).json();
    expect(me).to.include({ id: "intake.korhonen", name: "Kaisa Korhonen" });
    expect(me.groups).to.have.members(["county-intake", "hva-ita-uusimaa"]);
  });

  it("refuses a cross-site sign-in and marks the cookie Secure behind a TLS proxy it trusts", async () => {
    const crossSite = await fetch(`${app.url}/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ username: "intake.korhonen", password: DEFAULT_DEMO_PASSWORD }),
    });
    expect(crossSite.status).to.equal(403);
    expect(crossSite.headers.getSetCookie()).to.have.length(0);
    expect((await login(app, "intake.korhonen")).headers.getSetCookie()[0]).not.to.match(/Secure/i);

    const proxied = await startApp(engine, { trustProxy: 1 });
    try {
      const behindTls = await fetch(`${proxied.url}/api/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
        body: JSON.stringify({ username: "intake.korhonen", password: DEFAULT_DEMO_PASSWORD }),
      });
      expect(behindTls.status).to.equal(200);
      expect(behindTls.headers.getSetCookie()[0]).to.match(/;\s*Secure/i);
    } finally {
      await proxied.close();
    }
  });

  it("filters the task list by pathway, due date and overdue, sorted by due date", async () => {
    const late = newCaseRef();
    const soon = newCaseRef();
    const later = newCaseRef();
    await startCase(engine, KEY, later, 20, app.store);
    await startCase(engine, KEY, late, -3, app.store);
    await startCase(engine, KEY, soon, 2, app.store);
    type Row = { caseRef: string; due: string; overdue: boolean; pathway: string };
    const list = async (query: string) =>
      ((await (await intake.fetch(`/api/tasks?view=groups&pathway=${KEY}${query}`)).json()) as Row[]).filter((t) => [late, soon, later].includes(t.caseRef));

    const all = await list("");
    expect(all.map((t) => t.caseRef)).to.deep.equal([late, soon, later]);
    expect(all.map((t) => t.overdue)).to.deep.equal([true, false, false]);
    expect(all.every((t) => t.pathway === KEY)).to.equal(true);
    expect((await list("&overdue=true")).map((t) => t.caseRef)).to.deep.equal([late]);
    const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect((await list(`&dueBefore=${inTenDays}`)).map((t) => t.caseRef)).to.deep.equal([late, soon]);
    const otherPathway = (await (await intake.fetch(`/api/tasks?view=groups&pathway=no_such_pathway`)).json()) as Row[];
    expect(otherPathway).to.deep.equal([]);
    const bad = await intake.fetch(`/api/tasks?dueBefore=tomorrow`);
    expect(bad.status).to.equal(400);
    expect(await bad.json()).to.include({ type: "InvalidRequestException" });
  });

  it("ends a session on sign-out and after eight idle hours, but not while it is in use", async () => {
    let clock = new Date("2026-03-02T08:00:00Z");
    const timed = await startApp(engine, { now: () => clock });
    const hours = (n: number) => new Date(clock.getTime() + n * 3_600_000);
    try {
      const user = await signIn(timed, "rise.virtanen");
      clock = hours(5);
      expect((await user.fetch("/api/me")).status).to.equal(200);
      clock = hours(5);
      expect((await user.fetch("/api/me")).status, "renewed by the use 5 hours in").to.equal(200);
      const idle = await signIn(timed, "rise.virtanen");
      clock = hours(8.5);
      expect((await idle.fetch("/api/me")).status, "idle for 8.5 hours").to.equal(401);

      const again = await signIn(timed, "rise.virtanen");
      expect((await again.fetch("/api/logout", { method: "POST" })).status).to.equal(204);
      expect((await again.fetch("/api/me")).status).to.equal(401);
    } finally {
      await timed.close();
    }
  });

  it("sends security headers with a Content Security Policy that forbids inline scripts", async () => {
    const response = await fetch(`${app.url}/`);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).to.match(/script-src 'self'(;|$)/).and.match(/frame-ancestors 'none'/).and.match(/object-src 'none'/);
    expect(response.headers.get("x-content-type-options")).to.equal("nosniff");
    expect(await response.text()).not.to.match(/<script>(?!<\/script>)/);
  });

  it("refuses a state-changing request without a valid CSRF token with 403 and changes nothing", async () => {
    const caseRef = newCaseRef();
    await startCase(engine, KEY, caseRef, 5, app.store);
    const task = (await openTaskOf(engine, caseRef))!;

    const missing = await intake.fetch(`/api/tasks/${task.id}/claim`, { method: "POST", csrf: false });
    expect(missing.status).to.equal(403);
    expect(await missing.json()).to.include({ type: "CsrfException" });
    const wrong = await intake.fetch(`/api/tasks/${task.id}/claim`, { method: "POST", csrf: false, headers: { "x-csrf-token": socialWorker.csrfToken } });
    expect(wrong.status).to.equal(403);
    const logout = await intake.fetch("/api/logout", { method: "POST", csrf: false });
    expect(logout.status).to.equal(403);

    const after = unwrap(await engine.client.GET("/task/{id}", { params: { path: { id: task.id! } } }));
    expect(after.assignee ?? null).to.equal(null);
    expect((await intake.fetch("/api/me")).status).to.equal(200);
  });

  it("shows a caseworker only their groups' tasks and refuses others' tasks and cases with 403", async () => {
    const caseRef = newCaseRef();
    await startCase(engine, KEY, caseRef, 5, app.store);
    const task = (await openTaskOf(engine, caseRef))!;

    const groupTasks = (await (await intake.fetch(`/api/tasks?view=groups&pathway=${KEY}`)).json()) as { id: string; caseRef: string }[];
    expect(groupTasks.map((t) => t.id)).to.include(task.id);
    expect(groupTasks.find((t) => t.id === task.id)!.caseRef).to.equal(caseRef);
    const otherTasks = (await (await socialWorker.fetch(`/api/tasks?view=groups&pathway=${KEY}`)).json()) as { id: string }[];
    expect(otherTasks.map((t) => t.id)).not.to.include(task.id);

    for (const [path, method] of [
      [`/api/tasks/${task.id}`, "GET"],
      [`/api/cases/${caseRef}`, "GET"],
      [`/api/tasks/${task.id}/claim`, "POST"],
      [`/api/tasks/${task.id}/complete`, "POST"],
    ] as const) {
      const response = await socialWorker.fetch(path, { method, ...(method === "POST" ? { json: { data: {} } } : {}) });
      expect(response.status, `${method} ${path}`).to.equal(403);
      expect(await response.json()).to.include({ type: "AuthorizationException" });
    }
    const after = unwrap(await engine.client.GET("/task/{id}", { params: { path: { id: task.id! } } }));
    expect(after.assignee ?? null).to.equal(null);

    expect((await intake.fetch(`/api/tasks/${task.id}`)).status).to.equal(200);
    expect((await intake.fetch(`/api/cases/${caseRef}`)).status).to.equal(200);
  });

  it("keeps the cockpit for admins, the modeler for process owners and the audit log for admins", async () => {
    expect((await intake.fetch("/cockpit/api/definitions")).status).to.equal(403);
    expect((await admin.fetch("/cockpit/api/definitions")).status).to.equal(200);
    expect((await admin.fetch("/modeler/api/definitions")).status).to.equal(403);
    const owner = await signIn(app, "owner.laine");
    expect((await owner.fetch("/modeler/api/definitions")).status).to.equal(200);
    expect((await intake.fetch("/api/audit")).status).to.equal(403);
    expect((await admin.fetch("/api/audit")).status).to.equal(200);
  });

  it("refuses a submission that fails the form's rules, keeps the task open, and completes a valid one", async () => {
    const caseRef = newCaseRef();
    const instanceId = await startCase(engine, KEY, caseRef, 5, app.store);
    const task = (await openTaskOf(engine, caseRef))!;

    const unclaimed = await intake.fetch(`/api/tasks/${task.id}/complete`, { method: "POST", json: { data: { summary: "ok", meetingsPlanned: 2 } } });
    expect(unclaimed.status).to.equal(409);
    expect((await intake.fetch(`/api/tasks/${task.id}/claim`, { method: "POST" })).status).to.equal(204);

    const bad = await intake.fetch(`/api/tasks/${task.id}/complete`, { method: "POST", json: { data: { summary: "", meetingsPlanned: 99 } } });
    expect(bad.status).to.equal(400);
    const error = (await bad.json()) as { type: string; message: string; fields: { key: string }[] };
    expect(error.type).to.equal("FormValidationException");
    expect(error.fields.map((f) => f.key).sort()).to.deep.equal(["meetingsPlanned", "summary"]);
    expect(error.message).to.contain("Sovittuja tapaamisia: Enintään 10 / At most 10");
    const still = unwrap(await engine.client.GET("/task/{id}", { params: { path: { id: task.id! } } }));
    expect(still.assignee).to.equal("intake.korhonen");

    // a key the form does not have is refused, not slipped into the process
    const injected = await intake.fetch(`/api/tasks/${task.id}/complete`, {
      method: "POST",
      json: { data: { summary: "Asunto haussa", meetingsPlanned: 2, meetingDate: "2026-12-01", injected: "x" } },
    });
    expect(injected.status).to.equal(400);
    expect(((await injected.json()) as { fields: { key: string }[] }).fields.map((f) => f.key)).to.deep.equal(["injected"]);
    expect(unwrap(await engine.client.GET("/task/{id}", { params: { path: { id: task.id! } } })).id).to.equal(task.id);

    const good = await intake.fetch(`/api/tasks/${task.id}/complete`, {
      method: "POST",
      json: { data: { summary: "Asunto haussa", meetingsPlanned: 2, meetingDate: "2026-12-01" } },
    });
    expect(good.status).to.equal(204);
    const next = (await openTaskOf(engine, caseRef))!;
    expect(next.taskDefinitionKey).to.equal("meet");
    const vars = unwrap(await engine.client.GET("/process-instance/{id}/variables", { params: { path: { id: instanceId } } }));
    expect(vars.meetingsPlanned).to.include({ value: 2, type: "Integer" });
    expect(vars.meetingDate!.type).to.equal("Date");
    expect(vars).not.to.have.property("injected");

    const unclaimOthers = await socialWorker.fetch(`/api/tasks/${next.id}/unclaim`, { method: "POST" });
    expect(unclaimOthers.status).to.equal(403);
  });

  it("lets a caseworker who completed a step still open the case, and shows its path and clocks", async () => {
    const caseRef = newCaseRef();
    await startCase(engine, KEY, caseRef, 5, app.store);
    const task = (await openTaskOf(engine, caseRef))!;
    await intake.fetch(`/api/tasks/${task.id}/claim`, { method: "POST" });
    await intake.fetch(`/api/tasks/${task.id}/complete`, { method: "POST", json: { data: { summary: "x", meetingsPlanned: 1 } } });
    const next = (await openTaskOf(engine, caseRef))!;
    // the next step moves to RISE's side of the team, so only being on the team lets intake in
    unwrap(await engine.client.POST("/task/{id}/identity-links/delete", { params: { path: { id: next.id! } }, body: { groupId: HOME_INTAKE, type: "candidate" } }));
    unwrap(await engine.client.POST("/task/{id}/identity-links", { params: { path: { id: next.id! } }, body: { groupId: teamGroup(caseRef, "rise"), type: "candidate" } }));
    expect((await intake.fetch(`/api/tasks/${next.id}`)).status).to.equal(403);

    const view = (await (await intake.fetch(`/api/cases/${caseRef}`)).json()) as {
      steps: { name: string }[];
      clocks: { name: string; daysLeft: number; passed: boolean }[];
      clientName: string;
    };
    expect(view.steps.map((s) => s.name)).to.include("Kartoita tilanne");
    expect(view.clientName).to.equal("Testi Asiakas");
    const completion = view.clocks.find((c) => c.name === "assessmentCompletionDue")!;
    expect(completion.passed).to.equal(true);
    expect(completion.daysLeft).to.be.lessThan(0);
    expect(view.clocks.find((c) => c.name === "assessmentStartDue")!.passed).to.equal(false);
  });

  it("writes every view of a client's data, and every refused one, to the audit log, readable by admins", async () => {
    const caseRef = newCaseRef();
    await startCase(engine, KEY, caseRef, 5, app.store);
    const task = (await openTaskOf(engine, caseRef))!;
    await intake.fetch(`/api/tasks/${task.id}`);
    await intake.fetch(`/api/cases/${caseRef}`);
    await socialWorker.fetch(`/api/cases/${caseRef}`);

    const entries = (await (await admin.fetch(`/api/audit?caseRef=${caseRef}`)).json()) as { actor: string; action: string; detail: Record<string, unknown> }[];
    expect(entries.map((e) => `${e.actor} ${e.action}`)).to.deep.equal(["intake.korhonen task.read", "intake.korhonen case.read", "sw.nieminen access.refused"]);
    expect(entries[0]!.detail).to.deep.equal({ taskId: task.id });
    expect(entries[2]!.detail).to.deep.equal({ request: `GET /api/cases/${caseRef}`, code: "forbidden" });
  });

  it("audits the cockpit's reads of an instance in the store, under the case's reference", async () => {
    const caseRef = newCaseRef();
    const instanceId = await startCase(engine, KEY, caseRef, 5, app.store);
    expect((await admin.fetch(`/cockpit/api/instances/${instanceId}`)).status).to.equal(200);
    const entries = (await (await admin.fetch(`/api/audit?caseRef=${caseRef}&actor=ops.heikkinen`)).json()) as { action: string; detail: Record<string, unknown> }[];
    expect(entries.map((e) => e.action)).to.deep.equal(["cockpit.view"]);
    expect(entries[0]!.detail).to.deep.equal({ processInstanceId: instanceId });
  });

  it("shows each caseworker only their own notifications and lets only them mark one read", async () => {
    const caseRef = newCaseRef();
    const entry = await app.store.inbox.add({ userId: "intake.korhonen", caseRef, template: "referral-received", title: "Uusi ilmoitus", body: "Asia odottaa.", link: null, createdAt: new Date() });
    const mine = (await (await intake.fetch("/api/inbox")).json()) as { entries: { id: string }[]; unread: number };
    expect(mine.entries.map((e) => e.id)).to.include(entry.id);
    const theirs = (await (await socialWorker.fetch("/api/inbox")).json()) as { entries: { id: string }[] };
    expect(theirs.entries.map((e) => e.id)).not.to.include(entry.id);

    expect((await socialWorker.fetch(`/api/inbox/${entry.id}/read`, { method: "POST" })).status).to.equal(404);
    expect((await intake.fetch(`/api/inbox/${entry.id}/read`, { method: "POST" })).status).to.equal(204);
    const after = (await (await intake.fetch("/api/inbox")).json()) as { unread: number };
    expect(after.unread).to.equal(mine.unread - 1);
  });

  it("limits failed sign-ins per address", async () => {
    const limited = await startApp(engine, { signInLimits: { perUser: 100, perAddress: 3, windowMs: 15 * 60_000 } });
    try {
      for (let i = 0; i < 3; i++) expect((await login(limited, "no.such.user", "guess-" + i)).status).to.equal(401);
      const blocked = await login(limited, "intake.korhonen");
      expect(blocked.status).to.equal(429);
      expect(await blocked.json()).to.include({ type: "TooManyRequests" });
      expect(blocked.headers.getSetCookie()).to.have.length(0);
    } finally {
      await limited.close();
    }
  });
});
