/*
 * Issue #11, items 4–6, through the tasklist API as the demo users: the consent recorded by the
 * signed-in caseworker, the one filter between the organisations (task forms, case view, joint
 * plan), a partial withdrawal in release-preparation phase C reaching every instance of the case
 * at once, a refusal that leaves the county's assessment and clocks running, and the access
 * report saying on which consent each disclosure was made.
 */
import { expect } from "chai";
import { unwrap } from "../../lib/engine/client.js";
import { deployableFiles, deployFiles } from "../../lib/engine/deploy.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { pathwayHarness } from "../support/pathway-harness.js";
import { until } from "../support/until.js";
import { helsinkiDate, toHelsinkiWallTime } from "../../lib/time/helsinki-date.js";
import { ensureDemoUsers, signIn, startApp, type RunningApp, type Session } from "./support/tasklist-app.js";

const DAY = 86_400_000;
const day = (days: number) => helsinkiDate(new Date(Date.now() + days * DAY));
const PURPOSE = "Yhteinen palvelutarpeen arviointi ja vapautumisen valmistelu";

describe("consent the client controls, and what crosses by it (tasklist API)", function () {
  this.timeout(300_000);
  let engine: TestEngine;
  let app: RunningApp;
  let h: ReturnType<typeof pathwayHarness>;
  const sessions = new Map<string, Session>();
  const as = async (user: string) => {
    if (!sessions.has(user)) sessions.set(user, await signIn(app, user));
    return sessions.get(user)!;
  };
  const task = (caseRef: string, key: string) =>
    until(async () => unwrap(await engine.client.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef, taskDefinitionKey: key } } }))[0]);
  /** claims and completes the case's task `key` as `user` through the API, as the tasklist does */
  const work = async (user: string, caseRef: string, key: string, data: Record<string, unknown>) => {
    const open = await task(caseRef, key);
    const session = await as(user);
    if (open!.assignee !== user) expect((await session.fetch(`/api/tasks/${open!.id}/claim`, { method: "POST" })).status, `claim ${key}`).to.equal(204);
    const done = await session.fetch(`/api/tasks/${open!.id}/complete`, { method: "POST", json: { data } });
    expect(done.status, `${key}: ${await done.clone().text()}`).to.equal(204);
  };
  const formData = async (user: string, taskId: string) => ((await (await (await as(user)).fetch(`/api/tasks/${taskId}`)).json()) as { data: Record<string, unknown> }).data;
  const caseView = async (user: string, caseRef: string) => (await (await as(user)).fetch(`/api/cases/${caseRef}`)).json() as Promise<Record<string, unknown> & { plans: { joint: { joint: { shared: string[] } } | null } }>;
  const putConsent = async (user: string, caseRef: string, body: unknown) => (await as(user)).fetch(`/api/cases/${caseRef}/consent`, { method: "PUT", json: body });
  const instancesOf = async (caseRef: string) => unwrap(await engine.client.GET("/process-instance", { params: { query: { businessKey: caseRef } } }));
  const visited = async (instanceId: string) =>
    unwrap(await engine.client.GET("/history/activity-instance", { params: { query: { processInstanceId: instanceId } } })).map((a) => a.activityId);

  before(async () => {
    engine = await useEngine();
    await ensureDemoUsers(engine);
    await deployFiles(engine.connection, deployableFiles(["processes", "forms"]), "nivel-pathways");
    app = await startApp(engine);
    h = pathwayHarness(engine, { formsNow: new Date() });
    h.serveWorkers();
  });
  after(async () => {
    h?.stopWorkers();
    await app?.close();
  });

  /** a release-preparation case of Itä-Uusimaa and Vantaa prison, registered, its consent task open */
  async function referred() {
    const started = await (await as("rise.virtanen")).fetch("/api/cases", {
      method: "POST",
      json: { pathway: "release-preparation", clientName: "Suostumus Asiakas", referrerOrganisation: "rise-prison", municipality: "638" },
    });
    expect(started.status).to.equal(201);
    const { caseRef } = (await started.json()) as { caseRef: string };
    await work("rise.virtanen", caseRef, "ota-yhteytta", { releaseDate: day(120), probation: "none", sentenceDays: 300, needDescription: "Asunto ja toimeentulo" });
    await work("intake.korhonen", caseRef, "kirjaa-yhteydenotto", { contactDate: day(0), personalWorkerId: "sw.nieminen" });
    await task(caseRef, "kirjaa-suostumus");
    return caseRef;
  }

  it("records the consent form as a version by the signed-in worker; a yes with nothing ticked is refused in the user's words and changes nothing", async () => {
    const caseRef = await referred();
    const open = await task(caseRef, "kirjaa-suostumus");
    const sw = await as("sw.nieminen");
    expect((await sw.fetch(`/api/tasks/${open!.id}/claim`, { method: "POST" })).status).to.equal(204);
    const empty = await sw.fetch(`/api/tasks/${open!.id}/complete`, { method: "POST", json: { data: { consentGiven: true, consentPurpose: PURPOSE, consentGivenHow: "in-person" } } });
    expect(empty.status).to.equal(400);
    expect(((await empty.json()) as { message: string }).message).to.contain("Valitse luovutettavat tiedot");
    expect(await app.store.consents.history(caseRef)).to.deep.equal([]);

    await work("sw.nieminen", caseRef, "kirjaa-suostumus", {
      consentGiven: true,
      consentToRise: ["goals", "services", "meetings", "assessment-outcome"],
      consentToCounty: ["release-dates"],
      consentPurpose: PURPOSE,
      consentGivenHow: "in-writing",
    });
    const [version] = await app.store.consents.history(caseRef);
    expect(version).to.deep.include({ version: 1, change: "given", recordedBy: "sw.nieminen", givenHow: "in-writing", validUntil: null, purpose: PURPOSE });
    expect(version!.grants).to.have.length(5);
    // the answers are no process variables: the pathway knows only what routes it
    const [child] = (await instancesOf(caseRef)).filter((i) => i.definitionId!.startsWith("joint-assessment"));
    const names = Object.keys(unwrap(await engine.client.GET("/process-instance/{id}/variables", { params: { path: { id: child!.id! } } })));
    expect(names).to.include.members(["consentGiven", "consentItems"]).and.not.include.members(["consentToRise", "consentPurpose"]);
  });

  it("in phase C a partial withdrawal removes the item from RISE's view at once and reaches every running instance of the case", async () => {
    const caseRef = await referred();
    await work("sw.nieminen", caseRef, "kirjaa-suostumus", {
      consentGiven: true,
      consentToRise: ["goals", "services", "meetings"],
      consentToCounty: ["release-dates"],
      consentPurpose: PURPOSE,
      consentGivenHow: "in-person",
    });
    const meetingDay = day(7);
    await work("sw.nieminen", caseRef, "sovi-tapaaminen", { meetingStart: `${meetingDay}T10:00`, meetingEnd: `${meetingDay}T11:00`, meetingPlace: "Sosiaalitoimisto" });
    await work("sw.nieminen", caseRef, "kirjaa-tapaaminen", { meetingStart: `${meetingDay}T10:00`, meetingEnd: `${meetingDay}T11:00`, meetingPlace: "Sosiaalitoimisto", meetingSummary: "Hyvinvointialueen omat muistiinpanot", moreMeetings: true });

    // the second meeting's form: the county's notes are the county's; RISE sees the meeting's time (consented), not the notes
    const second = await task(caseRef, "kirjaa-tapaaminen");
    // 10:00 typed is 10:00 in Helsinki, stored as that instant and shown back as typed, whatever the browser's zone
    expect(await formData("sw.nieminen", second!.id!)).to.include({ meetingSummary: "Hyvinvointialueen omat muistiinpanot", meetingStart: `${meetingDay}T10:00` });
    const stored = unwrap(await engine.client.GET("/process-instance/{id}/variables/{varName}", { params: { path: { id: second!.processInstanceId!, varName: "meetingStart" }, query: { deserializeValue: false } } }));
    expect(toHelsinkiWallTime(new Date(String(stored.value).replace(/([+-]\d{2})(\d{2})$/, "$1:$2")))).to.equal(`${meetingDay}T10:00`);
    const byRise = await formData("rise.virtanen", second!.id!);
    expect(byRise).to.have.property("meetingPlace", "Sosiaalitoimisto");
    expect(byRise).to.not.have.property("meetingSummary");
    await work("sw.nieminen", caseRef, "kirjaa-tapaaminen", { meetingStart: `${meetingDay}T12:00`, meetingEnd: `${meetingDay}T13:00`, meetingPlace: "Sosiaalitoimisto", meetingSummary: "Toinen", moreMeetings: false });
    await work("sw.nieminen", caseRef, "johtopaatos", { needsMultiAgencyWork: true, services: ["housing", "substance-abuse"], conclusionSummary: "Hyvinvointialueen johtopäätös" });
    await work("sw.nieminen", caseRef, "tarkista-suunnitelma", { planReviewDate: day(60), planReviewed: true });
    // phase C: a continuity task per service
    await until(async () => (unwrap(await engine.client.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef, taskDefinitionKey: "varmista-palvelu" } } })).length === 2 ? true : undefined));
    await app.store.plans.save(caseRef, "county", { releaseDate: day(120), goals: [{ area: "housing", text: "Oma asunto" }], services: [{ kind: "housing", provider: "Y-Säätiö", start: day(120), end: null, responsible: "sw.nieminen" }] }, "sw.nieminen", new Date());

    const before = await caseView("rise.virtanen", caseRef);
    expect(before.plans.joint!.joint.shared).to.deep.equal(["goals", "services"]);
    expect(JSON.stringify(before)).to.contain("Y-Säätiö");
    const services = unwrap(await engine.client.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef, taskDefinitionKey: "varmista-palvelu" } } }));
    const kinds = await Promise.all(services.map(async (s) => (await formData("rise.virtanen", s.id!)).serviceKind));
    // housing crosses with `services`; substance-abuse is health data and was not consented
    expect(kinds.sort()).to.deep.equal(["housing", undefined]);

    // the county's worker takes `services` back; outsiders may not touch the consent
    const current = (await app.store.consents.current(caseRef))!;
    const without = current.grants.filter((g) => g.item !== "services");
    expect((await putConsent("sw.hamalainen", caseRef, { grants: without, purpose: PURPOSE, givenHow: "in-person", validUntil: null })).status, "not on the team").to.equal(403);
    expect((await putConsent("rise.lindqvist", caseRef, { grants: [], purpose: PURPOSE, givenHow: "in-person", validUntil: null })).status, "another RISE unit").to.equal(403);
    const bad = await putConsent("sw.nieminen", caseRef, { grants: [{ item: "diagnoses", to: "rise" }], purpose: PURPOSE, givenHow: "in-person", validUntil: null });
    expect(bad.status).to.equal(400);
    expect((await app.store.consents.history(caseRef)).length, "refused: nothing written").to.equal(1);
    // RISE's officer, on the team, tries to grant RISE the county's notes: only the disclosing side may record that
    const selfGrant = await putConsent("rise.virtanen", caseRef, { grants: [...current.grants, { item: "meeting-notes", to: "rise" }], purpose: PURPOSE, givenHow: "in-person", validUntil: null });
    expect(selfGrant.status).to.equal(403);
    expect(((await selfGrant.json()) as { message: string }).message).to.contain("Vain tiedot luovuttava organisaatio");
    // a network recipient who is not in the client's network, and an end date already passed
    const stranger = await putConsent("sw.nieminen", caseRef, { grants: [...current.grants, { item: "meetings", to: "network:2b1f4a36-8a3e-4d53-9a55-6a1a1d1e2f30" }], purpose: PURPOSE, givenHow: "in-person", validUntil: null });
    expect(stranger.status).to.equal(400);
    expect((await putConsent("sw.nieminen", caseRef, { grants: current.grants, purpose: PURPOSE, givenHow: "in-person", validUntil: day(-1) })).status).to.equal(400);
    expect((await app.store.consents.history(caseRef)).length, "refused: nothing written").to.equal(1);
    const withdrawn = await putConsent("sw.nieminen", caseRef, { grants: without, purpose: PURPOSE, givenHow: "in-person", validUntil: null });
    expect(withdrawn.status).to.equal(200);
    expect(await withdrawn.json()).to.deep.include({ version: 2, change: "withdrawn-partly", withdrawn: [{ item: "services", to: "rise" }] });

    // at once: gone from RISE's case view and task forms
    const after = await caseView("rise.virtanen", caseRef);
    expect(after.plans.joint!.joint.shared).to.deep.equal(["goals"]);
    expect(JSON.stringify(after)).to.not.contain("Y-Säätiö");
    for (const s of services) expect(await formData("rise.virtanen", s.id!)).to.not.have.property("serviceKind");
    // and the county still sees its own
    expect(JSON.stringify(await caseView("sw.nieminen", caseRef))).to.contain("Y-Säätiö");

    // every running instance of the case: the routing variables follow, the release preparation reacts
    const running = await instancesOf(caseRef);
    expect(running).to.have.length(1);
    await until(async () => ((await visited(running[0]!.id!)).includes("suostumus-muuttui-loppu") ? true : undefined));
    const variables = unwrap(await engine.client.GET("/process-instance/{id}/variables", { params: { path: { id: running[0]!.id! }, query: { deserializeValues: false } } }));
    expect(JSON.parse(String(variables.consentItems!.value))).to.deep.equal(["goals", "meetings", "release-dates"]);
    expect(JSON.parse(String(variables.withdrawnItems!.value))).to.deep.equal(["services"]);

    // the access report says what crossed, to whom, on which consent version
    const report = (await (await (await as("lead.salo")).fetch(`/api/cases/${caseRef}/access-report`)).json()) as { rows: { kind: string; userId: string; basis: string; items: string[]; consentVersion: number | null }[] };
    const disclosures = report.rows.filter((r) => r.basis === "consent");
    expect(disclosures.length).to.be.greaterThan(0);
    expect(disclosures.every((r) => r.kind === "disclosure" && r.userId === "rise.virtanen")).to.equal(true);
    expect(disclosures.map((r) => r.consentVersion)).to.include.members([1, 2]);
    expect(disclosures.find((r) => r.consentVersion === 1 && r.items.includes("services")), "services crossed under version 1").to.not.equal(undefined);
    expect(disclosures.filter((r) => r.consentVersion === 2).every((r) => !r.items.includes("services")), "and no more under version 2").to.equal(true);
  });

  it("a refusal ends the joint part only: the county's assessment goes on with its clocks, and nothing of the county's crosses", async () => {
    const caseRef = await referred();
    await work("sw.nieminen", caseRef, "kirjaa-suostumus", { consentGiven: false, consentPurpose: PURPOSE, consentGivenHow: "in-person" });
    expect((await app.store.consents.current(caseRef))!.change).to.equal("declined");
    const schedule = await task(caseRef, "sovi-tapaaminen");
    const timers = unwrap(await engine.client.GET("/job", { params: { query: { processInstanceId: schedule!.processInstanceId!, timers: true } } }));
    expect(timers.length, "the completion clocks still run").to.be.greaterThan(0);
    await work("sw.nieminen", caseRef, "sovi-tapaaminen", { meetingStart: `${day(3)}T10:00`, meetingEnd: `${day(3)}T11:00`, meetingPlace: "Sosiaalitoimisto" });
    const meeting = await task(caseRef, "kirjaa-tapaaminen");
    expect(await formData("rise.virtanen", meeting!.id!), "not even the meeting's time").to.not.have.any.keys("meetingStart", "meetingPlace");
  });
});
