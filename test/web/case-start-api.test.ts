/*
 * Starting a case through the tasklist API (POST /api/cases) on the two pathways as deployed from
 * processes/ and forms/, against the real test engine.
 */
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { unwrap } from "../../lib/engine/client.js";
import { deployFiles, deployableFiles } from "../../lib/engine/deploy.js";
import { helsinkiYear } from "../../web/server/tasklist/start-case.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { ensureDemoUsers, signIn, startApp, type RunningApp, type Session } from "./support/tasklist-app.js";

const CASE_REF = /^NIV-\d{4}-\d{6}$/;

/** a client name no other start in the engine has, so "nothing started" can be asked of the engine */
const uniqueName = (label: string) => `${label} ${randomBytes(4).toString("hex")}`;

interface Started {
  caseRef: string;
  processInstanceId: string;
}

describe("starting a case from the tasklist API", function () {
  this.timeout(120_000);
  let engine: TestEngine;
  let app: RunningApp;
  let rise: Session;
  let intake: Session;
  let socialWorker: Session;
  let admin: Session;

  before(async () => {
    engine = await useEngine();
    await ensureDemoUsers(engine);
    await deployFiles(engine.connection, deployableFiles(["processes", "forms"]), "nivel-pathways");
    app = await startApp(engine);
    rise = await signIn(app, "rise.virtanen");
    intake = await signIn(app, "intake.korhonen");
    socialWorker = await signIn(app, "sw.nieminen");
    admin = await signIn(app, "ops.heikkinen");
  });
  after(async () => {
    await app?.close();
  });

  /** Porvoo, of Itä-Uusimaa (intake.korhonen's county), and Vantaa prison (rise.virtanen's unit) */
  const HOME = { municipality: "638", riseUnitId: "rise-vantaan-vankila" };
  const start = (who: Session, body: unknown, init: { csrf?: boolean } = {}) => who.fetch("/api/cases", { method: "POST", json: body, ...init });

  /** process instances, running or ended, started with this client name */
  const startedWith = async (clientName: string) =>
    unwrap(
      await engine.client.POST("/history/process-instance/count", {
        body: { variables: [{ name: "clientName", operator: "eq", value: clientName }] },
      }),
    ).count;

  const instancesOf = async (caseRef: string) => unwrap(await engine.client.GET("/process-instance", { params: { query: { businessKey: caseRef } } }));
  const openTasksOf = async (caseRef: string) => unwrap(await engine.client.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef } } }));

  it("lets a RISE officer start a release preparation: 201, the case reference as business key with the four variables, and ota-yhteytta in the officer's task list", async () => {
    const clientName = uniqueName("Vapautuja");
    const response = await start(rise, { pathway: "release-preparation", clientName: `  ${clientName} `, referrerOrganisation: "rise-prison", ...HOME });
    expect(response.status).to.equal(201);
    const body = (await response.json()) as Started;
    expect(Object.keys(body).sort()).to.deep.equal(["caseRef", "processInstanceId"]);
    expect(body.caseRef).to.match(CASE_REF);
    expect(body.caseRef.slice(4, 8)).to.equal(String(helsinkiYear(new Date())));
    expect(response.headers.get("location")).to.equal(`/api/cases/${body.caseRef}`);

    const instances = await instancesOf(body.caseRef);
    expect(instances.map((i) => i.id)).to.deep.equal([body.processInstanceId]);
    const definition = unwrap(await engine.client.GET("/process-definition/{id}", { params: { path: { id: instances[0]!.definitionId! } } }));
    expect(definition.key).to.equal("release-preparation");
    const variables = unwrap(await engine.client.GET("/process-instance/{id}/variables", { params: { path: { id: body.processInstanceId } } }));
    expect(variables.caseRef).to.include({ value: body.caseRef, type: "String" });
    expect(variables.clientName, "trimmed").to.include({ value: clientName, type: "String" });
    expect(variables.referrerUserId).to.include({ value: "rise.virtanen", type: "String" });
    expect(variables.referrerOrganisation).to.include({ value: "rise-prison", type: "String" });

    const [first, ...others] = await openTasksOf(body.caseRef);
    expect(others).to.deep.equal([]);
    expect(first!.taskDefinitionKey).to.equal("ota-yhteytta");
    const list = (await (await rise.fetch("/api/tasks?view=groups&pathway=release-preparation")).json()) as { id: string; caseRef: string; pathway: string }[];
    expect(list.find((t) => t.caseRef === body.caseRef)).to.include({ id: first!.id, pathway: "release-preparation" });
  });

  it("gives two starts in a row different case references of the form NIV-<year>-<6 digits>", async () => {
    const body = (label: string) => ({ pathway: "release-preparation", clientName: uniqueName(label), referrerOrganisation: "rise-community-sanctions", ...HOME });
    const first = (await (await start(rise, body("Ensimmäinen"))).json()) as Started;
    const second = (await (await start(rise, body("Toinen"))).json()) as Started;
    expect(first.caseRef).to.match(CASE_REF);
    expect(second.caseRef).to.match(CASE_REF);
    expect(second.caseRef).not.to.equal(first.caseRef);
    expect(second.processInstanceId).not.to.equal(first.processInstanceId);
    expect(await instancesOf(first.caseRef)).to.have.length(1);
    expect(await instancesOf(second.caseRef)).to.have.length(1);
  });

  it("skips references the engine already has a case for, as after restoring the store from an older backup", async () => {
    const year = helsinkiYear(new Date());
    const last = await app.store.caseRefs.next(year);
    const number = Number(last.slice(-6));
    const taken = [number + 1, number + 2].map((n) => `NIV-${year}-${String(n).padStart(6, "0")}`);
    for (const caseRef of taken) {
      unwrap(
        await engine.client.POST("/process-definition/key/{key}/start", {
          params: { path: { key: "release-preparation" } },
          body: { businessKey: caseRef, variables: { caseRef: { value: caseRef, type: "String" }, riseWorkerId: { value: "rise.virtanen", type: "String" } } },
        }),
      );
    }
    const response = await start(rise, { pathway: "release-preparation", clientName: uniqueName("Uusi"), referrerOrganisation: "rise-prison", ...HOME });
    expect(response.status).to.equal(201);
    const { caseRef } = (await response.json()) as Started;
    expect(caseRef).to.equal(`NIV-${year}-${String(number + 3).padStart(6, "0")}`);
    for (const ref of taken) expect(await instancesOf(ref), ref).to.have.length(1);
  });

  it("takes the reference's year from the clock in Helsinki: 22:30 UTC on New Year's Eve is already the new year there", async () => {
    const clock = new Date("2026-12-31T22:30:00Z");
    const lateApp = await startApp(engine, { now: () => clock });
    try {
      const officer = await signIn(lateApp, "rise.virtanen");
      const response = await start(officer, { pathway: "release-preparation", clientName: uniqueName("Uudenvuoden"), referrerOrganisation: "rise-prison", ...HOME });
      expect(response.status).to.equal(201);
      expect(((await response.json()) as Started).caseRef).to.match(/^NIV-2027-\d{6}$/);
    } finally {
      await lateApp.close();
    }
  });

  it("lets county intake start a joint assessment, whose first task kirjaa-ilmoitus is intake's, but not a release preparation (403, nothing started)", async () => {
    const clientName = uniqueName("Yhteisasiakas");
    const response = await start(intake, { pathway: "joint-assessment", clientName, referrerOrganisation: "county", ...HOME });
    expect(response.status).to.equal(201);
    const { caseRef } = (await response.json()) as Started;
    expect((await openTasksOf(caseRef)).map((t) => t.taskDefinitionKey)).to.deep.equal(["kirjaa-ilmoitus"]);
    const variables = unwrap(await engine.client.GET("/process-instance/{id}/variables", { params: { path: { id: (await instancesOf(caseRef))[0]!.id! } } }));
    expect(variables.referrerUserId).to.include({ value: "intake.korhonen" });
    expect(variables).not.to.have.property("contactDate");

    const refused = uniqueName("Ei aloitettu");
    const denied = await start(intake, { pathway: "release-preparation", clientName: refused, referrerOrganisation: "county", ...HOME });
    expect(denied.status).to.equal(403);
    expect(await denied.json()).to.deep.equal({ type: "AuthorizationException", code: "forbidden", message: "You have no access to this pathway." });
    expect(await startedWith(refused)).to.equal(0);
  });

  it("lets a county social worker start neither pathway (403, nothing started)", async () => {
    for (const pathway of ["release-preparation", "joint-assessment"]) {
      const clientName = uniqueName("Ei aloitettu");
      const response = await start(socialWorker, { pathway, clientName, referrerOrganisation: "county", ...HOME });
      expect(response.status, pathway).to.equal(403);
      expect(await response.json(), pathway).to.include({ type: "AuthorizationException" });
      expect(await startedWith(clientName), pathway).to.equal(0);
    }
  });

  it("refuses a missing or short client name, an unknown pathway or organisation, and an extra field with 400 naming the field, starting nothing", async () => {
    const valid = { pathway: "release-preparation", clientName: uniqueName("Kelvollinen"), referrerOrganisation: "rise-prison", ...HOME };
    const cases: [string, unknown, string[]][] = [
      ["no client name", { pathway: valid.pathway, referrerOrganisation: valid.referrerOrganisation, ...HOME }, ["clientName"]],
      ["no home municipality", { pathway: valid.pathway, clientName: valid.clientName, referrerOrganisation: valid.referrerOrganisation }, ["municipality"]],
      ["an unknown municipality", { ...valid, municipality: "999" }, ["municipality"]],
      ["an unknown RISE unit", { ...valid, riseUnitId: "rise-alcatraz" }, ["riseUnitId"]],
      ["a one-letter client name (after trimming)", { ...valid, clientName: "  A  " }, ["clientName"]],
      ["a 201-character client name", { ...valid, clientName: "A".repeat(201) }, ["clientName"]],
      ["an unknown pathway", { ...valid, pathway: "tasklist_api_test" }, ["pathway"]],
      ["an unknown organisation", { ...valid, referrerOrganisation: "police", ...HOME }, ["referrerOrganisation"]],
      ["an extra field", { ...valid, caseRef: "NIV-2026-000001" }, ["caseRef"]],
      ["no body", undefined, ["request"]],
    ];
    for (const [what, body, keys] of cases) {
      const response = await start(rise, body);
      expect(response.status, what).to.equal(400);
      const error = (await response.json()) as { type: string; message: string; fields: { key: string; message: string }[] };
      expect(error.type, what).to.equal("InvalidRequestException");
      expect(error.message, what).to.be.a("string").and.not.equal("");
      expect(error.fields.map((f) => f.key), what).to.deep.equal(keys);
    }
    const short = (await (await start(rise, { ...valid, clientName: "A" })).json()) as { fields: { message: string }[] };
    expect(short.fields[0]!.message).to.equal("Vähintään 2 merkkiä / At least 2 characters");
    expect(await startedWith(valid.clientName)).to.equal(0);
    expect(await startedWith("A")).to.equal(0);
  });

  it("refuses a start without a valid CSRF token with 403, starting nothing", async () => {
    const clientName = uniqueName("Ilman tunnistetta");
    const body = { pathway: "release-preparation", clientName, referrerOrganisation: "rise-prison", ...HOME };
    const missing = await start(rise, body, { csrf: false });
    expect(missing.status).to.equal(403);
    expect(await missing.json()).to.include({ type: "CsrfException" });
    const foreign = await rise.fetch("/api/cases", { method: "POST", json: body, csrf: false, headers: { "x-csrf-token": intake.csrfToken } });
    expect(foreign.status).to.equal(403);
    const anonymous = await fetch(`${app.url}/api/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(anonymous.status).to.equal(401);
    expect(await startedWith(clientName)).to.equal(0);
  });

  it("audits case.start under the case reference without the client's name, and writes it to no log line", async () => {
    const clientName = uniqueName("Salassa Pidettävä");
    const logged: string[] = [];
    const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error };
    for (const level of Object.keys(originals) as (keyof typeof originals)[]) {
      console[level] = (...args: unknown[]) => {
        logged.push(args.map(String).join(" "));
        originals[level](...args);
      };
    }
    let started: Started;
    try {
      const response = await start(rise, { pathway: "joint-assessment", clientName, referrerOrganisation: "rise-community-sanctions", ...HOME });
      expect(response.status).to.equal(201);
      started = (await response.json()) as Started;
      expect((await rise.fetch(`/api/cases/${started.caseRef}`)).status).to.equal(200);
    } finally {
      Object.assign(console, originals);
    }
    expect(logged.filter((line) => line.includes(clientName))).to.deep.equal([]);

    const entries = (await (await admin.fetch(`/api/audit?caseRef=${started.caseRef}`)).json()) as { actor: string; action: string; caseRef: string; detail: unknown }[];
    expect(entries.map((e) => `${e.actor} ${e.action}`)).to.deep.equal(["rise.virtanen case.start", "rise.virtanen case.read"]);
    // written before the engine starts the case, so it holds the reference and not yet the instance
    expect(entries[0]).to.deep.include({ caseRef: started.caseRef, detail: { pathway: "joint-assessment", countyId: "hva-ita-uusimaa", riseUnitId: "rise-vantaan-vankila" } });
    expect(JSON.stringify(entries)).not.to.contain(clientName);
    const stored = await app.store.audit.query({ actor: "rise.virtanen", limit: 10_000 });
    expect(JSON.stringify(stored)).not.to.contain(clientName);
  });

  it("shows the starter the new case with its first task to claim; a joint assessment started by RISE shows it waiting on intake", async () => {
    const release = (await (await start(rise, { pathway: "release-preparation", clientName: uniqueName("Asiakas"), referrerOrganisation: "rise-prison", ...HOME })).json()) as Started;
    type View = { caseRef: string; clientName: string; processDefinitionKey: string; openTasks: { id: string; name: string; candidateGroups: string[]; mayOpen: boolean; assignee: string | null }[] };
    const view = (await (await rise.fetch(`/api/cases/${release.caseRef}`)).json()) as View;
    expect(view.processDefinitionKey).to.equal("release-preparation");
    expect(view.openTasks).to.have.length(1);
    // the starter is the case's RISE worker: their first task is already theirs
    expect(view.openTasks[0]).to.include({ name: "Tunnista tarve ja ota yhteyttä hyvinvointialueeseen", mayOpen: true, assignee: "rise.virtanen" });
    expect(view.openTasks[0]!.candidateGroups).to.deep.equal([`case-team.${release.caseRef}.rise`]);

    const joint = (await (await start(rise, { pathway: "joint-assessment", clientName: uniqueName("Asiakas"), referrerOrganisation: "rise-prison", ...HOME })).json()) as Started;
    const referred = (await (await rise.fetch(`/api/cases/${joint.caseRef}`)).json()) as View;
    expect(referred.openTasks.map((t) => [t.name, t.candidateGroups, t.mayOpen])).to.deep.equal([["Kirjaa ilmoitus ja yhteydenottopäivä", ["county-intake.hva-ita-uusimaa"], false]]);
    expect((await rise.fetch(`/api/tasks/${referred.openTasks[0]!.id}`)).status, "intake's task").to.equal(403);
    expect((await intake.fetch(`/api/cases/${joint.caseRef}`)).status).to.equal(200);
    expect((await socialWorker.fetch(`/api/cases/${joint.caseRef}`)).status, "neither referrer nor on the case").to.equal(403);
  });

  it("shows each side its own plan, and of the other side's only the joint view the consent lets cross to it now, derived on every read", async () => {
    const joint = (await (await start(rise, { pathway: "joint-assessment", clientName: uniqueName("Asiakas"), referrerOrganisation: "rise-prison", ...HOME })).json()) as Started;
    const at = new Date();
    await app.store.plans.save(joint.caseRef, "rise", { releaseDate: "2027-01-15", goals: [{ area: "housing", text: "RISE:n oma tavoite" }] }, "rise.virtanen", at);
    await app.store.plans.save(joint.caseRef, "county", { releaseDate: null, goals: [{ area: "income", text: "Hyvinvointialueen oma tavoite" }] }, "sw.nieminen", at);
    type Plans = { plans: Record<"rise" | "county" | "joint", { joint: { shared: string[] } } | null>; plansWithheld: string[] };
    const seenBy = async (session: Session) => {
      const response = await session.fetch(`/api/cases/${joint.caseRef}`);
      const view = (await response.json()) as Plans;
      return { shown: Object.entries(view.plans).filter(([, p]) => p).map(([side]) => side).sort(), withheld: view.plansWithheld, shared: view.plans.joint?.joint.shared, text: JSON.stringify(view) };
    };
    const consent = (grants: { item: string; to: string }[]) =>
      app.store.consents.record(joint.caseRef, { grants: grants as never, purpose: "Yhteinen arviointi", givenHow: "in-person", validUntil: null }, "rise.virtanen", new Date());

    // nothing consented: each side sees its own plan, and a joint view with nothing in it
    let byRise = await seenBy(rise);
    expect([byRise.shown, byRise.withheld, byRise.shared]).to.deep.equal([["joint", "rise"], ["county"], []]);
    expect(byRise.text).to.not.contain("Hyvinvointialueen oma tavoite");

    // the county's goals may cross to RISE, nothing the other way
    await consent([{ item: "goals", to: "rise" }]);
    byRise = await seenBy(rise);
    expect(byRise.shared).to.deep.equal(["goals"]);
    expect(byRise.text).to.contain("Hyvinvointialueen oma tavoite");
    const byIntake = await seenBy(intake);
    expect([byIntake.shown, byIntake.withheld, byIntake.shared]).to.deep.equal([["county", "joint"], ["rise"], []]);
    expect(byIntake.text).to.not.contain("RISE:n oma tavoite");

    // withdrawn: gone from RISE's view on the next read, with no copy left behind
    await consent([]);
    byRise = await seenBy(rise);
    expect(byRise.text).to.not.contain("Hyvinvointialueen oma tavoite");
  });

  it("tells each user which pathways they may start", async () => {
    type Row = { key: string; startable: boolean };
    const startable = async (who: Session) =>
      ((await (await who.fetch("/api/pathways")).json()) as Row[])
        .filter((p) => p.startable)
        .map((p) => p.key)
        .sort();
    expect(await startable(rise)).to.deep.equal(["joint-assessment", "release-preparation"]);
    expect(await startable(intake)).to.deep.equal(["joint-assessment"]);
    expect(await startable(socialWorker)).to.deep.equal([]);
    expect(await startable(admin)).to.deep.equal([]);
  });
});
