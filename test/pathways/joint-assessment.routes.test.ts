/*
 * Every route of processes/joint-assessment.bpmn, walked over REST (the README's route table maps them).
 * Deadlines worked out by hand from a calendar for a contact on Mon 23 Nov 2026 (Helsinki is
 * UTC+2 all winter, so a limit's 23:59:59 is 21:59:59Z and a warning's 08:00 is 06:00Z):
 * - start limit, the 7th weekday: Tue 24 … Fri 27, Mon 30, Tue 1 Dec, Wed 2 Dec 2026;
 *   warned 2 weekdays before, Mon 30 Nov;
 * - completion limit, 3 months: Tue 23 Feb 2027; warned 14 days before, Tue 9 Feb 2027.
 */
import { expect } from "chai";
import { unwrap } from "../../lib/engine/client.js";
import { deployFiles, deployableFiles } from "../../lib/engine/deploy.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { pathwayHarness } from "../support/pathway-harness.js";
import { consentAnswers, NO_CONSENT } from "../support/consent-answers.js";

const contact = { contactDate: "2026-11-23", personalWorkerId: "sw.nieminen" };
const rules = {
  "aloitus-varoitus": "2026-11-30T06:00:00.000Z",
  "aloitus-ylitetty": "2026-12-02T21:59:59.000Z",
  "valmistuminen-varoitus": "2027-02-09T06:00:00.000Z",
  "valmistuminen-ylitetty": "2027-02-23T21:59:59.000Z",
};
const firstMeeting = { meetingStart: "2026-11-26T10:00", meetingEnd: "2026-11-26T11:30", meetingPlace: "Vankila, neuvotteluhuone" };
const meeting = { meetingStart: "2026-12-01T10:00+02:00", meetingEnd: "2026-12-01T11:30+02:00", meetingPlace: "Hämeenlinnan vankila", meetingSummary: "Kartoitettiin asuminen" };
const conclusion = { needsMultiAgencyWork: true, services: ["housing", "income"], conclusionSummary: "Monialainen työ tarpeen" };
const escalatesToTeamLead = (prefix: string, template: string) => ({ activityId: `${prefix}-ilmoita`, template, to: "group:team-lead.hva-ita-uusimaa" });

describe("joint assessment routes", function () {
  this.timeout(180_000);
  let engine: TestEngine;
  let h: ReturnType<typeof pathwayHarness>;

  before(async () => {
    engine = await useEngine();
    h = pathwayHarness(engine);
    const deployment = await deployFiles(engine.connection, deployableFiles(["processes", "forms"]), "nivel-pathways");
    expect(deployment.id).to.be.a("string");
  });
  beforeEach(() => h.serveWorkers());
  afterEach(() => h.stopWorkers());

  /** a case with consent given and the first meeting agreed, its first meeting to record */
  async function intoMeetings(consentItems: string[]) {
    const started = await h.start("joint-assessment");
    await h.complete(started.id, "kirjaa-ilmoitus", contact);
    await h.complete(started.id, "kirjaa-suostumus", consentAnswers(consentItems));
    await h.complete(started.id, "sovi-tapaaminen", firstMeeting);
    await h.openTasks(started.id, "kirjaa-tapaaminen");
    await h.settled(started.id);
    return started;
  }

  it("deploys both pathways unchanged", async () => {
    const defs = unwrap(await engine.client.GET("/process-definition", { params: { query: { latestVersion: true, keysIn: "joint-assessment,release-preparation" } } }));
    expect(defs.map((d) => d.key).sort()).to.deep.equal(["joint-assessment", "release-preparation"]);
  });

  it("consent declined: the referrer is told the joint part ends, and the county's own assessment goes on with its clocks (SHL 36 §)", async () => {
    const { id } = await h.start("joint-assessment");
    await h.complete(id, "kirjaa-ilmoitus", { ...contact, urgent: false });
    await h.complete(id, "kirjaa-suostumus", NO_CONSENT);
    // not an end: the county still owes the client its assessment, on the same limit
    await h.openTasks(id, "sovi-tapaaminen");
    expect(await h.timers(id)).to.deep.equal({ "valmistuminen-varoitus": [rules["valmistuminen-varoitus"]], "valmistuminen-ylitetty": [rules["valmistuminen-ylitetty"]] });
    expect(await h.variable(id, "consentGiven")).to.equal(false);
    await h.complete(id, "sovi-tapaaminen", firstMeeting);
    await h.complete(id, "kirjaa-tapaaminen", { ...meeting, moreMeetings: false });
    await h.complete(id, "johtopaatos", conclusion);
    await h.ended(id);
    const route = await h.visited(id);
    // started on its own, the contact is registered here (*Yhteydenotto jo kirjattu?* Ei)
    expect(route).to.include.members(["yhteydenotto-kirjattu", "kirjaa-ilmoitus", "laske-maaraajat", "ilmoita-ei-suostumusta", "arviointi-jatkuu", "johtopaatos", "arviointi-valmis", "ei-suostumusta"]);
    // nothing joint: no result to the referrer, no plans reconciled
    expect(route).to.not.include.members(["ilmoita-tulos", "yhteensovita-suunnitelmat", "tarkista-suunnitelma"]);
    expect(h.noticesOf(id).map((n) => [n.activityId, n.template])).to.deep.equal([
      ["ilmoita-ei-suostumusta", "outcome-to-referrer"],
      // the invitation task runs; the notify worker sends it only to whom the consent lets it (test/workers/notify.test.ts)
      ["kutsu-verkosto", "meeting-invitation"],
    ]);
  });

  it("start clocks: the warning and the limit fire on the open consent task, tell the team lead, and the task stays open", async () => {
    const { id } = await h.start("joint-assessment");
    await h.complete(id, "kirjaa-ilmoitus", contact);
    await h.openTasks(id, "kirjaa-suostumus");
    expect(await h.timers(id)).to.deep.equal(Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, [v]])));

    await h.fire(id, "aloitus-varoitus");
    await h.reached(id, "aloitus-varoitus-loppu");
    await h.fire(id, "aloitus-ylitetty");
    await h.reached(id, "aloitus-ylitetty-loppu");
    await h.settled(id);
    expect(await h.escalations(id)).to.deep.equal([
      { rule: "assessment-start", stage: "warning", activityId: "aloitus-varoitus-eskaloi" },
      { rule: "assessment-start", stage: "passed", activityId: "aloitus-ylitetty-eskaloi" },
    ]);
    expect(h.noticesOf(id)).to.deep.equal([
      escalatesToTeamLead("aloitus-varoitus", "deadline-approaching"),
      escalatesToTeamLead("aloitus-ylitetty", "deadline-passed"),
    ]);
    // the work was not cancelled: the same consent task is still there to do
    await h.openTasks(id, "kirjaa-suostumus");

    // consent recorded with the client: the assessment has started, so no start clock is left
    await h.complete(id, "kirjaa-suostumus", consentAnswers(["goals"]));
    await h.openTasks(id, "sovi-tapaaminen");
    expect(Object.keys(await h.timers(id)).sort()).to.deep.equal(["valmistuminen-varoitus", "valmistuminen-ylitetty"]);
  });

  it("an urgent need (SHL 36 §): the start is due on the contact day and the team lead is warned that morning", async () => {
    const { id } = await h.start("joint-assessment");
    await h.complete(id, "kirjaa-ilmoitus", { ...contact, urgent: true });
    await h.openTasks(id, "kirjaa-suostumus");
    expect(await h.timers(id)).to.deep.equal({
      "aloitus-varoitus": ["2026-11-23T06:00:00.000Z"],
      "aloitus-ylitetty": ["2026-11-23T21:59:59.000Z"],
      "valmistuminen-varoitus": [rules["valmistuminen-varoitus"]],
      "valmistuminen-ylitetty": [rules["valmistuminen-ylitetty"]],
    });
    const [task] = await h.openTasks(id, "kirjaa-suostumus");
    expect(new Date(task!.due!).toISOString(), "the consent task is due that day too").to.equal("2026-11-23T21:59:59.000Z");
  });

  it("consent, first meeting agreed, two meetings, the completion clocks fire without stopping the work, conclusion and joint plan", async () => {
    const { id } = await h.start("joint-assessment");
    await h.complete(id, "kirjaa-ilmoitus", contact);
    await h.complete(id, "kirjaa-suostumus", consentAnswers(["goals", "services"]));
    await h.complete(id, "sovi-tapaaminen", firstMeeting);
    await h.openTasks(id, "kirjaa-tapaaminen");
    expect(await h.timers(id)).to.deep.equal({
      "valmistuminen-varoitus": [rules["valmistuminen-varoitus"]],
      "valmistuminen-ylitetty": [rules["valmistuminen-ylitetty"]],
    });

    await h.complete(id, "kirjaa-tapaaminen", { ...meeting, moreMeetings: true });
    await h.openTasks(id, "kirjaa-tapaaminen");
    await h.fire(id, "valmistuminen-varoitus");
    await h.reached(id, "valmistuminen-varoitus-loppu");
    await h.fire(id, "valmistuminen-ylitetty");
    await h.reached(id, "valmistuminen-ylitetty-loppu");
    await h.settled(id);
    await h.complete(id, "kirjaa-tapaaminen", { ...meeting, moreMeetings: false });
    await h.complete(id, "johtopaatos", conclusion);
    await h.complete(id, "tarkista-suunnitelma", { planReviewDate: "2027-03-01", planReviewed: true, clientFeedbackRating: "4", clientFeedback: "Sain apua asumiseen" });
    await h.ended(id);
    expect(await h.variable(id, "clientFeedbackRating")).to.equal("4");

    const route = await h.visited(id);
    expect(route.filter((a) => a === "kirjaa-tapaaminen")).to.have.length(2);
    expect(route).to.include.members(["kutsu-verkosto", "ilmoita-tulos", "yhteensovita-suunnitelmat", "arviointi-paattyi"]);
    expect(route.filter((a) => ["ei-suostumusta", "aloitus-varoitus"].includes(a))).to.deep.equal([]);
    expect(await h.escalations(id)).to.deep.equal([
      { rule: "assessment-completion", stage: "warning", activityId: "valmistuminen-varoitus-eskaloi" },
      { rule: "assessment-completion", stage: "passed", activityId: "valmistuminen-ylitetty-eskaloi" },
    ]);
    expect(h.noticesOf(id)).to.deep.equal([
      { activityId: "kutsu-verkosto", template: "meeting-invitation", to: "referrer,network" },
      escalatesToTeamLead("valmistuminen-varoitus", "deadline-approaching"),
      escalatesToTeamLead("valmistuminen-ylitetty", "deadline-passed"),
      { activityId: "ilmoita-tulos", template: "outcome-to-referrer", to: "referrer" },
    ]);
    expect(await h.variable(id, "planSyncStatus")).to.equal("synced");
    expect(await h.variable(id, "needsMultiAgencyWork")).to.equal(true);
  });

  it("consent withdrawn during the meetings: the team is told, the assessment and its clocks go on, and nothing joint follows", async () => {
    const { id, caseRef } = await intoMeetings(["goals"]);
    // what the tasklist does on a withdrawal (web/server/tasklist/consent.ts): the routing variables follow the store, then the message
    unwrap(await engine.client.POST("/process-instance/{id}/variables", { params: { path: { id } }, body: { modifications: { consentGiven: { value: false, type: "Boolean" } } } }));
    await h.message("ConsentWithdrawn", caseRef);
    await h.reached(id, "suostumus-peruttu-loppu");
    const route = await h.visited(id);
    expect(route).to.include.members(["suostumus-peruttu", "kutsuttu-valmistelusta", "ilmoita-peruutus", "suostumus-peruttu-loppu"]);
    await h.openTasks(id, "kirjaa-tapaaminen");
    expect(Object.keys(await h.timers(id)).sort()).to.deep.equal(["valmistuminen-varoitus", "valmistuminen-ylitetty"]);
    expect(h.noticesOf(id).map((n) => [n.activityId, n.template, n.to])).to.deep.equal([
      ["kutsu-verkosto", "meeting-invitation", "referrer,network"],
      ["ilmoita-peruutus", "consent-changed", "referrer,personal-worker"],
    ]);
    await h.complete(id, "kirjaa-tapaaminen", { ...meeting, moreMeetings: false });
    await h.complete(id, "johtopaatos", conclusion);
    await h.ended(id);
    expect(await h.visited(id)).to.include("ei-suostumusta").and.not.include("ilmoita-tulos");
  });

  it("a new release date before the contact is registered is kept for the registration, with no incident", async () => {
    const { id, caseRef } = await h.start("joint-assessment");
    await h.openTasks(id, "kirjaa-ilmoitus");
    await h.releaseDateChanged(caseRef, "2027-01-15");
    await h.reached(id, "lasketaan-kirjattaessa");
    // the registration form leaves the release date as it is when intake does not give one
    await h.complete(id, "kirjaa-ilmoitus", contact);
    await h.openTasks(id, "kirjaa-suostumus");
    expect((await h.timers(id))["valmistuminen-ylitetty"]).to.deep.equal(["2027-01-15T21:59:59.000Z"]);
    expect(await h.visited(id)).to.not.include("laske-uudelleen");
  });

  it("a new release date before the three months moves the completion clocks to the release day, wherever the assessment stands", async () => {
    const { id, caseRef } = await intoMeetings(["release-dates"]);

    // released Fri 15 Jan 2027: completion limit that day; warned 14 days before, which is
    // New Year's Day, so on the working day before it, Thu 31 Dec 2026
    await h.releaseDateChanged(caseRef, "2027-01-15");
    await h.reached(id, "laskettu-uudelleen");
    expect(await h.timers(id)).to.deep.equal({
      "valmistuminen-varoitus": ["2026-12-31T06:00:00.000Z"],
      "valmistuminen-ylitetty": ["2027-01-15T21:59:59.000Z"],
    });
    const due = await h.variable<string>(id, "assessmentCompletionDue");
    expect(new Date(due!).toISOString()).to.equal("2027-01-15T21:59:59.000Z");
    // the meeting goes on where it was
    await h.openTasks(id, "kirjaa-tapaaminen");
  });
});
