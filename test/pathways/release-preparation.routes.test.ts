/*
 * Every route of processes/release-preparation.bpmn, walked over REST (the README's route table maps them).
 * Contact Mon 23 Nov 2026, release Fri 15 Jan 2027: outside the 30-day fast-track window (23 Nov +
 * 30 days = Wed 23 Dec 2026). A date from a form is midnight UTC, and a timer on `${planReviewDate}`
 * waits for exactly that instant; the release-day clocks are the deadline worker's (Helsinki, UTC+2):
 * the morning of Fri 15 Jan 08:00 = 06:00Z; the 14-day warning, 15 Jan − 14 = Fri 1 Jan (New Year's
 * Day) → Thu 31 Dec 2026 08:00 = 06:00Z; continuity due on the last working day before, Thu 14 Jan,
 * 23:59:59 = 21:59:59Z. The release days, the fast track and children: release-days.routes.test.ts.
 */
import { expect } from "chai";
import { unwrap } from "../../lib/engine/client.js";
import { deployFiles, deployableFiles } from "../../lib/engine/deploy.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { until } from "../support/until.js";
import { pathwayHarness } from "../support/pathway-harness.js";
import { consentAnswers, NO_CONSENT } from "../support/consent-answers.js";

const releaseDay = "2027-01-15T00:00:00.000Z";
const releaseMorning = "2027-01-15T06:00:00.000Z";
const releaseWarning = "2026-12-31T06:00:00.000Z";
const continuityDue = "2027-01-14T21:59:59.000Z";
const need = { releaseDate: "2027-01-15", probation: "none", sentenceDays: 240, needDescription: "Asunto ja toimeentulo puuttuvat" };
const firstMeeting = { meetingStart: "2026-11-26T10:00", meetingEnd: "2026-11-26T11:30", meetingPlace: "Vankila, neuvotteluhuone" };
const meeting = { meetingStart: "2026-12-01T10:00+02:00", meetingEnd: "2026-12-01T11:30+02:00", meetingPlace: "Hämeenlinnan vankila", meetingSummary: "Asuminen ja toimeentulo" };

describe("release preparation routes", function () {
  this.timeout(240_000);
  let engine: TestEngine;
  let h: ReturnType<typeof pathwayHarness>;

  before(async () => {
    engine = await useEngine();
    h = pathwayHarness(engine);
    await deployFiles(engine.connection, deployableFiles(["processes", "forms"]), "nivel-pathways");
  });
  beforeEach(() => h.serveWorkers());
  afterEach(() => h.stopWorkers());

  /** Phase A, and the called joint assessment up to its meetings: the case and its called assessment. */
  async function intoAssessment(releaseDays: Record<string, unknown> = {}) {
    const { id, caseRef } = await h.start("release-preparation");
    const [first] = await h.openTasks(id, "ota-yhteytta");
    expect(await h.candidateGroups(first!.id), "RISE's side of the case's team").to.deep.equal([`case-team.${caseRef}.rise`]);
    await h.completeTaskById(first!.id, { ...need, ...releaseDays });
    const [register] = await h.openTasks(id, "kirjaa-yhteydenotto");
    expect(await h.candidateGroups(register!.id), "the case's county's intake").to.deep.equal(["county-intake.hva-ita-uusimaa"]);
    // intake names the personal worker at registration, from the county's social workers (SHL 42 §)
    await h.completeTaskById(register!.id, { contactDate: "2026-11-23", personalWorkerId: "sw.nieminen" });
    const child = await h.calledAssessment(id);
    expect(child.businessKey).to.equal(caseRef);
    // intake registered the contact above: the called assessment starts from consent, not a second registration
    await h.openTasks(child.id, "kirjaa-suostumus");
    expect(await h.visited(child.id)).to.include.members(["yhteydenotto-kirjattu", "laske-maaraajat"]).and.not.include("kirjaa-ilmoitus");
    return { id, caseRef, child: child.id };
  }

  /** …the assessment concluded with `services`, and phase B: personal worker and network. */
  async function throughAssessment(services: string[], supervisedProbation: boolean) {
    // probationary freedom planned from the release day itself, so that the clocks stay those above
    const c = await intoAssessment(supervisedProbation ? { probation: "planned", probationFrom: "2027-01-15" } : {});
    await h.complete(c.child, "kirjaa-suostumus", consentAnswers(["goals", "services", "release-dates"]));
    await h.complete(c.child, "sovi-tapaaminen", firstMeeting);
    await h.complete(c.child, "kirjaa-tapaaminen", { ...meeting, moreMeetings: false });
    await h.complete(c.child, "johtopaatos", { needsMultiAgencyWork: true, services, conclusionSummary: "Monialainen työ tarpeen" });
    await h.complete(c.child, "tarkista-suunnitelma", { planReviewDate: "2027-03-01", planReviewed: true });
    await h.ended(c.child);

    expect(await h.variable(c.child, "personalWorkerId"), "named at registration, known to the called assessment").to.equal("sw.nieminen");
    await h.complete(c.id, "kokoa-verkosto", { networkMembers: "Asumispalvelu Oy, vertaistukija" });
    return c;
  }

  it("the client declines consent in the called assessment: the county assesses anyway and the services across release are still secured, with nothing joint", async () => {
    const c = await intoAssessment();
    await h.complete(c.child, "kirjaa-suostumus", NO_CONSENT);
    await h.complete(c.child, "sovi-tapaaminen", firstMeeting);
    await h.complete(c.child, "kirjaa-tapaaminen", { ...meeting, moreMeetings: false });
    await h.complete(c.child, "johtopaatos", { needsMultiAgencyWork: true, services: ["housing"], conclusionSummary: "Asunto tarpeen" });
    await h.ended(c.child);
    // the joint part ended without a result to the referrer or reconciled plans; the county's own work goes on
    expect(await h.visited(c.child)).to.include("ei-suostumusta").and.not.include.members(["ilmoita-tulos", "yhteensovita-suunnitelmat"]);
    const tasks = await h.tasksByService(c.id, "varmista-palvelu", 1);
    expect(Object.keys(tasks)).to.deep.equal(["housing"]);
    expect(await h.variable(c.id, "consentGiven")).to.equal(false);
    expect(await h.visited(c.id)).to.include.members(["monialainen-tarve", "ilmoita-omatyontekija"]).and.not.include("ei-monialaista-tyota");
  });

  it("a withdrawal in phase C reaches the case's running release preparation: the team is told and the work goes on", async () => {
    const c = await throughAssessment(["housing", "substance-abuse"], false);
    await h.tasksByService(c.id, "varmista-palvelu", 2);
    await h.message("ConsentWithdrawn", c.caseRef);
    await h.reached(c.id, "suostumus-muuttui-loppu");
    expect(h.noticesOf(c.id).filter((n) => n.activityId === "ilmoita-suostumus-muuttui")).to.deep.equal([
      { activityId: "ilmoita-suostumus-muuttui", template: "consent-changed", to: "referrer,personal-worker" },
    ]);
    // non-interrupting: both continuity tasks are still there with their clocks
    await h.openTasks(c.id, "varmista-palvelu", 2);
    expect(Object.keys(await h.timers(c.id)).sort()).to.deep.equal(["vapautuminen-lahestyy", "vapautuminen-tulee"]);
  });

  it("consent but no need for multi-agency work: the case ends 'Ei monialaista työtä' after the referrer is told", async () => {
    const c = await intoAssessment();
    await h.complete(c.child, "kirjaa-suostumus", consentAnswers(["goals"]));
    await h.complete(c.child, "sovi-tapaaminen", firstMeeting);
    await h.complete(c.child, "kirjaa-tapaaminen", { ...meeting, moreMeetings: false });
    await h.complete(c.child, "johtopaatos", { needsMultiAgencyWork: false, services: [], conclusionSummary: "Ei monialaisen työn tarvetta" });
    await h.complete(c.child, "tarkista-suunnitelma", { planReviewDate: "2027-03-01", planReviewed: true });
    await h.ended(c.id);
    expect(await h.visited(c.id)).to.include("ei-monialaista-tyota").and.not.include("ilmoita-omatyontekija");
    expect(h.noticesOf(c.child).map((n) => n.template)).to.include("outcome-to-referrer");
    expect(await h.variable(c.id, "needsMultiAgencyWork")).to.equal(false);
  });

  it("personal worker, network, one continuity task per service, no probation, the client plan and two reviews, then the ending", async () => {
    const c = await throughAssessment(["housing", "income"], false);
    const tasks = await h.tasksByService(c.id, "varmista-palvelu", 2);
    expect(Object.keys(tasks).sort()).to.deep.equal(["housing", "income"]);
    // each service waits for the release morning and the 14-day warning on its own clocks, due the day before
    expect(await h.timers(c.id)).to.deep.equal({ "vapautuminen-tulee": [releaseMorning, releaseMorning], "vapautuminen-lahestyy": [releaseWarning, releaseWarning] });
    for (const task of await h.openTasks(c.id, "varmista-palvelu", 2)) expect(new Date(task.due!).toISOString()).to.equal(continuityDue);
    await h.completeTaskById(tasks.housing!, { serviceArranged: true, serviceNote: "Tukiasunto" });
    await h.completeTaskById(tasks.income!, { serviceArranged: true, serviceNote: "Toimeentulotuki myönnetty" });

    await h.complete(c.id, "laadi-asiakassuunnitelma", { planGoals: "Asunto ja toimeentulo vapautumispäivästä", planReviewDate: "2027-04-15" });
    await h.reached(c.id, "tarkistuspaiva");
    expect(await h.timers(c.id)).to.deep.equal({ tarkistuspaiva: ["2027-04-15T00:00:00.000Z"] });
    await h.fire(c.id, "tarkistuspaiva");
    await h.complete(c.id, "tarkista-suunnitelma", { reviewNote: "Asunto pysyy", continueFollowUp: true, planReviewDate: "2027-07-15" });
    // the loop waits again, for the date the review agreed
    await until(async () => ((await h.timers(c.id)).tarkistuspaiva?.[0] === "2027-07-15T00:00:00.000Z" ? true : undefined));
    await h.fire(c.id, "tarkistuspaiva");
    // the follow-up ends: the client's feedback may be given now (the form shows it only then)
    await h.complete(c.id, "tarkista-suunnitelma", { reviewNote: "Tavoitteet saavutettu", continueFollowUp: false, clientFeedbackRating: "5" });
    // the ending is assessed with the client service by service
    const endings = await h.tasksByService(c.id, "arvioi-paattyminen", 2);
    await h.completeTaskById(endings.housing!, { serviceOutcome: "continues", endingNote: "Vuokrasopimus omissa nimissä" });
    await h.completeTaskById(endings.income!, { serviceOutcome: "ended", endingNote: "Työtulot riittävät" });
    await h.ended(c.id);

    // each service keeps its own answers: parallel tasks do not overwrite one another
    const perService = async (name: string) =>
      unwrap(await engine.client.GET("/history/variable-instance", { params: { query: { processInstanceId: c.id, variableName: name } } }))
        .map((v) => v.value)
        .sort();
    expect(await perService("serviceNote")).to.deep.equal(["Toimeentulotuki myönnetty", "Tukiasunto"]);
    expect(await perService("serviceOutcome")).to.deep.equal(["continues", "ended"]);

    const route = await h.visited(c.id);
    expect(route.filter((a) => a === "varmista-palvelu")).to.have.length(2);
    expect(route.filter((a) => a === "tarkista-suunnitelma")).to.have.length(2);
    expect(route.filter((a) => a === "arvioi-paattyminen")).to.have.length(2);
    expect(route).to.include.members(["ilmoita-omatyontekija", "kokoa-verkosto", "verkosto-koottu", "ei-lapsia", "valvottu-koevapaus", "yhteensovita", "jatketaanko", "valmistelu-paattyi"]);
    // the fast track waited, never opened, and the case's end ended the wait
    expect(route).to.include("nopea-polku").and.not.include("kiireellinen-jatkuvuus");
    expect(route.filter((a) => ["koevapauden-tuki", "eskaloi-jatkuvuus"].includes(a))).to.deep.equal([]);
    expect(h.noticesOf(c.id)).to.deep.equal([
      { activityId: "ilmoita-omatyontekija", template: "personal-worker-named", to: "referrer,personal-worker" },
      { activityId: "ilmoita-tarkistus", template: "plan-review-due", to: "personal-worker" },
      { activityId: "ilmoita-tarkistus", template: "plan-review-due", to: "personal-worker" },
    ]);
    expect(await h.variable(c.id, "personalWorkerId")).to.equal("sw.nieminen");
    expect(await h.variable(c.id, "clientFeedbackRating")).to.equal("5");
    expect(await h.variable(c.id, "planSyncStatus")).to.equal("synced");
    expect(await h.escalations(c.id)).to.deep.equal([]);
  });

  it("a service not arranged by the release day is escalated to the team lead and the personal worker, without cancelling it; supervised probation is agreed", async () => {
    const c = await throughAssessment(["housing", "identity"], true);
    const tasks = await h.tasksByService(c.id, "varmista-palvelu", 2);
    await h.completeTaskById(tasks.identity!, { serviceArranged: true });
    expect(await h.timers(c.id)).to.deep.equal({ "vapautuminen-tulee": [releaseMorning], "vapautuminen-lahestyy": [releaseWarning] });
    await h.fire(c.id, "vapautuminen-tulee");
    await h.reached(c.id, "jatkuvuus-ilmoitettu");
    await h.settled(c.id);
    expect(await h.escalations(c.id)).to.deep.equal([{ rule: "release", stage: "passed", activityId: "eskaloi-jatkuvuus" }]);
    expect(h.noticesOf(c.id).slice(-1)).to.deep.equal([{ activityId: "ilmoita-jatkuvuus", template: "continuity-incomplete", to: "group:team-lead.hva-ita-uusimaa,personal-worker" }]);
    // housing is still being arranged, as the same task
    expect(Object.keys(await h.tasksByService(c.id, "varmista-palvelu", 1))).to.deep.equal(["housing"]);
    await h.completeTaskById(tasks.housing!, { serviceArranged: true, serviceNote: "Tukiasunto vapautumista seuraavalta päivältä" });

    const [probation] = await h.openTasks(c.id, "koevapauden-tuki");
    expect(await h.candidateGroups(probation!.id)).to.deep.equal([`case-team.${c.caseRef}.rise`]);
    await h.completeTaskById(probation!.id, { probationSupport: "Valvoja tapaa viikoittain" });
    await h.openTasks(c.id, "laadi-asiakassuunnitelma");
    expect(await h.visited(c.id)).to.include.members(["valvottu-koevapaus", "koevapauden-tuki", "koevapaus-yhdistyy"]);
  });

  it("a new release date reaches the called assessment's clocks in phase B and the continuity clocks in phase C", async () => {
    const c = await intoAssessment();
    await h.complete(c.child, "kirjaa-suostumus", consentAnswers(["release-dates"]));
    await h.complete(c.child, "sovi-tapaaminen", firstMeeting);
    await h.openTasks(c.child, "kirjaa-tapaaminen");
    await h.settled(c.child);
    // the assessment was due at the release day, Fri 15 Jan 2027
    expect((await h.timers(c.child))["valmistuminen-ylitetty"]).to.deep.equal(["2027-01-15T21:59:59.000Z"]);

    // release brought forward to Fri 8 Jan 2027: the limit moves with it; its warning 14 days
    // before, Fri 25 Dec, is Christmas Day, so the working day before Christmas Eve, Wed 23 Dec
    await h.releaseDateChanged(c.caseRef, "2027-01-08");
    await h.reached(c.child, "laskettu-uudelleen");
    await h.reached(c.id, "laskettu-uudelleen");
    expect(await h.timers(c.child)).to.deep.equal({
      "valmistuminen-varoitus": ["2026-12-23T06:00:00.000Z"],
      "valmistuminen-ylitetty": ["2027-01-08T21:59:59.000Z"],
    });
    expect(new Date((await h.variable<string>(c.id, "assessmentCompletionDue"))!).toISOString()).to.equal("2027-01-08T21:59:59.000Z");

    await h.complete(c.child, "kirjaa-tapaaminen", { ...meeting, moreMeetings: false });
    await h.complete(c.child, "johtopaatos", { needsMultiAgencyWork: true, services: ["housing", "health-care"], conclusionSummary: "Monialainen työ tarpeen" });
    await h.complete(c.child, "tarkista-suunnitelma", { planReviewDate: "2027-03-01", planReviewed: true });
    await h.complete(c.id, "kokoa-verkosto", { networkMembers: "Terveysasema" });
    await h.tasksByService(c.id, "varmista-palvelu", 2);
    // Fri 8 Jan 2027 08:00 (06:00Z); warned 14 days before, Fri 25 Dec → Wed 23 Dec 2026 as above
    expect(await h.timers(c.id)).to.deep.equal({
      "vapautuminen-tulee": ["2027-01-08T06:00:00.000Z", "2027-01-08T06:00:00.000Z"],
      "vapautuminen-lahestyy": ["2026-12-23T06:00:00.000Z", "2026-12-23T06:00:00.000Z"],
    });

    // put off to Mon 1 Feb 2027: both services' clocks follow; warned Mon 18 Jan 2027
    await h.settled(c.id);
    await h.releaseDateChanged(c.caseRef, "2027-02-01");
    await until(async () => ((await h.timers(c.id))["vapautuminen-tulee"]?.every((d) => d === "2027-02-01T06:00:00.000Z") ? true : undefined));
    await h.settled(c.id);
    expect(await h.timers(c.id)).to.deep.equal({
      "vapautuminen-tulee": ["2027-02-01T06:00:00.000Z", "2027-02-01T06:00:00.000Z"],
      "vapautuminen-lahestyy": ["2027-01-18T06:00:00.000Z", "2027-01-18T06:00:00.000Z"],
    });
    expect(Object.keys(await h.tasksByService(c.id, "varmista-palvelu", 2)).sort()).to.deep.equal(["health-care", "housing"]);
  });

  it("a new release date before the contact is registered waits for the registration, with no incident", async () => {
    const { id, caseRef } = await h.start("release-preparation");
    await h.complete(id, "ota-yhteytta", { ...need, needDescription: "Asunto puuttuu" });
    await h.openTasks(id, "kirjaa-yhteydenotto");
    await h.releaseDateChanged(caseRef, "2027-01-08");
    await h.reached(id, "lasketaan-kirjattaessa");
    expect(await h.visited(id)).to.not.include("laske-uudelleen");
    // registered: the deadlines are computed from the new release day (Fri 8 Jan 2027)
    await h.complete(id, "kirjaa-yhteydenotto", { contactDate: "2026-11-23", personalWorkerId: "sw.nieminen" });
    const child = await h.calledAssessment(id);
    await h.openTasks(child.id, "kirjaa-suostumus");
    expect(new Date((await h.variable<string>(id, "assessmentCompletionDue"))!).toISOString()).to.equal("2027-01-08T21:59:59.000Z");
    expect((await h.timers(child.id))["valmistuminen-ylitetty"]).to.deep.equal(["2027-01-08T21:59:59.000Z"]);
  });

  it("a client who loses contact gets outreach: not reached goes to the team lead, contact restored ends it, reached ends it; the case stays open", async () => {
    const c = await throughAssessment(["work-study"], false);
    await h.tasksByService(c.id, "varmista-palvelu", 1);
    const lost = () => h.message("ClientContactLost", c.caseRef);

    await h.settled(c.id);
    await lost();
    await h.complete(c.id, "etsiva-tyo", { clientReached: false, outreachNote: "Ei vastaa puhelimeen" });
    await h.reached(c.id, "ei-tavoitettu");
    expect(h.noticesOf(c.id).slice(-1)).to.deep.equal([{ activityId: "ilmoita-tavoittamattomuus", template: "continuity-incomplete", to: "group:team-lead.hva-ita-uusimaa" }]);

    await h.settled(c.id);
    await lost();
    await h.openTasks(c.id, "etsiva-tyo");
    await h.message("ClientContactRestored", c.caseRef);
    await h.reached(c.id, "yhteys-palautui-loppu");
    expect(unwrap(await engine.client.GET("/task", { params: { query: { processInstanceId: c.id, taskDefinitionKey: "etsiva-tyo" } } }))).to.deep.equal([]);

    await lost();
    await h.complete(c.id, "etsiva-tyo", { clientReached: true, outreachNote: "Tavoitettiin asumisyksiköstä" });
    await h.reached(c.id, "tavoitettiin");

    // outreach never closed the case: service continuity is still there to finish
    expect(Object.keys(await h.tasksByService(c.id, "varmista-palvelu", 1))).to.deep.equal(["work-study"]);
    const route = await h.visited(c.id);
    expect(route.filter((a) => a === "etsiva-tyo")).to.have.length(3);
    expect(unwrap(await engine.client.GET("/history/process-instance/{id}", { params: { path: { id: c.id } } })).state).to.equal("ACTIVE");
  });
});
