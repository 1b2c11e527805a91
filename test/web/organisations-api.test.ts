/*
 * Issue #11, items 1–3, through the tasklist API as the demo users: a case belongs to a county and
 * a RISE unit, its tasks are offered within them only, it opens to its team and its organisations'
 * team leads, a team lead hands it over, and a move to another county is a transfer.
 */
import { expect } from "chai";
import { createEngineClient, unwrap } from "../../lib/engine/client.js";
import { deployableFiles, deployFiles } from "../../lib/engine/deploy.js";
import { membersOf } from "../../lib/engine/staff.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { pathwayHarness } from "../support/pathway-harness.js";
import { until } from "../support/until.js";
import { ensureDemoUsers, signIn, startApp, type RunningApp, type Session } from "./support/tasklist-app.js";

type Task = { id: string; caseRef: string | null; name: string };

describe("organisations, the case team, handover and transfer (tasklist API)", function () {
  this.timeout(300_000);
  let engine: TestEngine;
  let app: RunningApp;
  let h: ReturnType<typeof pathwayHarness>;
  const sessions = new Map<string, Session>();
  const as = async (user: string) => {
    if (!sessions.has(user)) sessions.set(user, await signIn(app, user));
    return sessions.get(user)!;
  };
  const status = async (user: string, path: string) => (await (await as(user)).fetch(path)).status;
  const groupTasks = async (user: string) => (await (await (await as(user)).fetch("/api/tasks?view=groups")).json()) as Task[];
  const openTask = (caseRef: string, name: string) =>
    until(async () => unwrap(await engine.client.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef, name } } }))[0]);
  const variable = async (caseRef: string, name: string) => {
    const [instance] = unwrap(await engine.client.GET("/process-instance", { params: { query: { businessKey: caseRef } } }));
    return (await engine.client.GET("/process-instance/{id}/variables/{varName}", { params: { path: { id: instance!.id!, varName: name } } })).data?.value;
  };

  before(async () => {
    engine = await useEngine();
    await ensureDemoUsers(engine);
    await deployFiles(engine.connection, deployableFiles(["processes", "forms"]), "nivel-pathways");
    app = await startApp(engine);
    h = pathwayHarness(engine);
    h.serveWorkers();
  });
  after(async () => {
    h?.stopWorkers();
    await app?.close();
  });

  it("keeps a case to its county, RISE unit and team; hands it over; and moves it to another county only by a transfer its intake accepts", async () => {
    // a RISE officer of Vantaa prison refers a client of Porvoo: the case is Itä-Uusimaa's and Vantaa's
    const started = await (await as("rise.virtanen")).fetch("/api/cases", {
      method: "POST",
      json: { pathway: "joint-assessment", clientName: "Organisaatio Asiakas", referrerOrganisation: "rise-prison", municipality: "638" },
    });
    expect(started.status).to.equal(201);
    const { caseRef } = (await started.json()) as { caseRef: string };
    expect(await app.store.cases.get(caseRef)).to.include({ countyId: "hva-ita-uusimaa", riseUnitId: "rise-vantaan-vankila", municipality: "638" });
    expect((await app.store.cases.team(caseRef)).map((m) => [m.userId, m.side, m.role])).to.deep.equal([["rise.virtanen", "rise", "rise-worker"]]);

    // registration waits on Itä-Uusimaa's intake only
    const register = await openTask(caseRef, "Kirjaa ilmoitus ja yhteydenottopäivä");
    expect((await groupTasks("intake.korhonen")).map((t) => t.caseRef)).to.include(caseRef);
    expect((await groupTasks("intake.jokinen")).map((t) => t.caseRef), "Pirkanmaa's intake").to.not.include(caseRef);
    expect(await status("intake.jokinen", `/api/tasks/${register!.id}`)).to.equal(403);
    // who opens the case: its team, its intake while the task waits on it, both organisations' leads
    const opens = async () =>
      Object.fromEntries(
        await Promise.all(
          ["rise.virtanen", "rise.lindqvist", "intake.korhonen", "intake.jokinen", "sw.nieminen", "sw.hamalainen", "sw.koskinen", "lead.makinen", "lead.salo", "lead.heino", "lead.back"].map(
            async (u) => [u, await status(u, `/api/cases/${caseRef}`)] as const,
          ),
        ),
      );
    expect(await opens()).to.deep.equal({
      "rise.virtanen": 200, "rise.lindqvist": 403, "intake.korhonen": 200, "intake.jokinen": 403, "sw.nieminen": 403, "sw.hamalainen": 403,
      "sw.koskinen": 403, "lead.makinen": 200, "lead.salo": 200, "lead.heino": 403, "lead.back": 403,
    });

    // intake names the personal worker from the county's own social workers
    const intake = await as("intake.korhonen");
    expect((await intake.fetch(`/api/tasks/${register!.id}/claim`, { method: "POST" })).status).to.equal(204);
    const form = (await (await intake.fetch(`/api/tasks/${register!.id}`)).json()) as { data: { countySocialWorkers: { label: string; value: string }[] } };
    expect(form.data.countySocialWorkers).to.deep.equal([
      { label: "Heikki Hämäläinen", value: "sw.hamalainen" },
      { label: "Sanna Nieminen", value: "sw.nieminen" },
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const wrong = await intake.fetch(`/api/tasks/${register!.id}/complete`, { method: "POST", json: { data: { contactDate: today, personalWorkerId: "sw.koskinen" } } });
    expect(wrong.status, "a social worker of another county").to.equal(400);
    expect(((await wrong.json()) as { fields: { key: string }[] }).fields.map((f) => f.key)).to.deep.equal(["personalWorkerId"]);
    expect((await app.store.cases.team(caseRef)).map((m) => m.userId)).to.deep.equal(["rise.virtanen", "intake.korhonen"]);
    const done = await intake.fetch(`/api/tasks/${register!.id}/complete`, { method: "POST", json: { data: { contactDate: today, personalWorkerId: "sw.nieminen" } } });
    expect(done.status).to.equal(204);
    expect((await app.store.cases.team(caseRef)).map((m) => [m.userId, m.role])).to.deep.equal([
      ["rise.virtanen", "rise-worker"],
      ["intake.korhonen", "worker"],
      ["sw.nieminen", "personal-worker"],
    ]);

    // consent is offered to both sides of the team: the personal worker and the RISE worker see it, no one else
    const consent = await openTask(caseRef, "Kirjaa asiakkaan suostumus tietojen luovutukseen");
    expect((await groupTasks("sw.nieminen")).map((t) => t.id)).to.include(consent!.id);
    expect((await groupTasks("rise.virtanen")).map((t) => t.id)).to.include(consent!.id);
    for (const outsider of ["sw.hamalainen", "rise.lindqvist", "sw.koskinen"]) {
      expect((await groupTasks(outsider)).map((t) => t.id), outsider).to.not.include(consent!.id);
      expect(await status(outsider, `/api/tasks/${consent!.id}`), outsider).to.equal(403);
    }

    // only a team lead of the side's own organisation hands over, and only to its own workers
    const handover = (user: string, body: unknown) => as(user).then((s) => s.fetch(`/api/cases/${caseRef}/handover`, { method: "POST", json: body }));
    expect((await handover("sw.nieminen", { side: "county", from: "sw.nieminen", to: "sw.hamalainen" })).status).to.equal(403);
    expect((await handover("lead.heino", { side: "county", from: "sw.nieminen", to: "sw.koskinen" })).status).to.equal(403);
    expect((await handover("lead.salo", { side: "county", from: "sw.nieminen", to: "sw.hamalainen" })).status, "RISE's lead, county's side").to.equal(403);
    expect((await handover("lead.makinen", { side: "county", from: "sw.nieminen", to: "sw.koskinen" })).status, "a worker of another county").to.equal(400);
    await (await as("sw.nieminen")).fetch(`/api/tasks/${consent!.id}/claim`, { method: "POST" });
    expect((await handover("lead.makinen", { side: "county", from: "sw.nieminen", to: "sw.hamalainen" })).status).to.equal(204);
    expect(await status("sw.nieminen", `/api/cases/${caseRef}`), "the old worker").to.equal(403);
    expect(await status("sw.hamalainen", `/api/cases/${caseRef}`), "the new worker").to.equal(200);
    expect((await openTask(caseRef, "Kirjaa asiakkaan suostumus tietojen luovutukseen"))!.assignee, "the old worker's task").to.equal("sw.hamalainen");
    expect(await variable(caseRef, "personalWorkerId"), "the notices follow").to.equal("sw.hamalainen");

    // the client moves to Tampere: the county side asks, Pirkanmaa's intake takes the case over
    const transfer = await (await as("sw.hamalainen")).fetch(`/api/cases/${caseRef}/transfer`, { method: "POST", json: { municipality: "837" } });
    expect(transfer.status).to.equal(204);
    expect((await (await as("rise.virtanen")).fetch(`/api/cases/${caseRef}/transfer`, { method: "POST", json: { municipality: "837" } })).status, "RISE's side").to.equal(403);
    expect(await (await (await as("intake.korhonen")).fetch("/api/transfers")).json()).to.deep.equal([]);
    const incoming = (await (await (await as("intake.jokinen")).fetch("/api/transfers")).json()) as { id: string }[];
    expect(incoming).to.have.length(1);
    expect(JSON.stringify(incoming), "names neither the case nor the client before it is accepted").to.not.contain(caseRef).and.not.contain("Organisaatio Asiakas");
    expect((await (await as("lead.heino")).fetch(`/api/transfers/${incoming[0]!.id}/accept`, { method: "POST" })).status, "a lead is not intake").to.equal(403);
    expect((await (await as("intake.korhonen")).fetch(`/api/transfers/${incoming[0]!.id}/accept`, { method: "POST" })).status, "the sending county").to.equal(403);
    const accepted = await (await as("intake.jokinen")).fetch(`/api/transfers/${incoming[0]!.id}/accept`, { method: "POST" });
    expect(accepted.status).to.equal(200);
    expect(await accepted.json()).to.deep.equal({ caseRef });
    expect((await app.store.cases.get(caseRef))?.countyId).to.equal("hva-pirkanmaa");
    expect(await variable(caseRef, "countyId")).to.equal("hva-pirkanmaa");
    expect(await opens()).to.deep.include({
      "rise.virtanen": 200, "intake.korhonen": 403, "intake.jokinen": 200, "sw.hamalainen": 403, "lead.makinen": 403, "lead.heino": 200, "lead.salo": 200,
    });
    expect((await openTask(caseRef, "Kirjaa asiakkaan suostumus tietojen luovutukseen"))!.assignee, "the sending worker's task").to.equal("intake.jokinen");

    const trail = await app.store.audit.query({ caseRef, limit: 1000 });
    const changes = trail.filter((e) => /^case\.(handover|transfer)/.test(e.action)).map((e) => `${e.actor} ${e.action}`);
    expect(changes).to.deep.equal(["lead.makinen case.handover", "sw.hamalainen case.transfer.request", "intake.jokinen case.transfer.accept"]);
  });

  it("refuses a case for a client of another county from intake, and names the case's county's team leads for its notices", async () => {
    const other = await (await as("intake.korhonen")).fetch("/api/cases", {
      method: "POST",
      json: { pathway: "joint-assessment", clientName: "Toisen Alueen Asiakas", referrerOrganisation: "county", municipality: "837", riseUnitId: "rise-vaasan-vankila" },
    });
    expect(other.status).to.equal(400);
    expect(((await other.json()) as { code: string }).code).to.equal("other-county");
    const noUnit = await (await as("intake.korhonen")).fetch("/api/cases", {
      method: "POST",
      json: { pathway: "joint-assessment", clientName: "Ei Yksikköä", referrerOrganisation: "county", municipality: "638" },
    });
    expect(noUnit.status).to.equal(400);
    // `group:team-lead.${countyId}` in a notice: that county's team leads, no other
    // (read as the notify worker reads them, through its own account)
    const worker = createEngineClient(engine.worker);
    expect((await membersOf(worker, "team-lead.hva-pirkanmaa")).map((m) => m.id)).to.deep.equal(["lead.heino"]);
    expect((await membersOf(worker, "team-lead.rise-vantaan-vankila")).map((m) => m.id)).to.deep.equal(["lead.salo"]);
  });
});
