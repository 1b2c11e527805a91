/*
 * The kinds of release day (issue 13), walked over REST through processes/release-preparation.bpmn.
 * Every case is registered on Mon 23 Nov 2026 (the harness's forms judge "the past" from then).
 * Every expected date is worked out by hand from a printed calendar, the counting beside it.
 * Helsinki is UTC+2 all winter: 08:00 is 06:00Z, the end of a day 23:59:59 is 21:59:59Z.
 * The fast-track window is 30 days from the contact: 23 Nov + 30 = Wed 23 Dec 2026.
 */
import { expect } from "chai";
import { unwrap } from "../../lib/engine/client.js";
import { deployFiles, deployableFiles } from "../../lib/engine/deploy.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { until } from "../support/until.js";
import { pathwayHarness } from "../support/pathway-harness.js";
import { consentAnswers } from "../support/consent-answers.js";

/** the moment the contacts are registered, as in the harness: Mon 23 Nov 2026 10:00 Helsinki */
const REGISTERED = "2026-11-23T08:00:00.000Z";
const URGENT = [
  "first-appointment-on-release-day",
  "housing",
  "identity-card-and-strong-identification",
  "income-support-application",
  "medication-and-health-care",
  "substance-abuse-treatment",
];
const firstMeeting = { meetingStart: "2026-11-26T10:00", meetingEnd: "2026-11-26T11:30", meetingPlace: "Vankila, neuvotteluhuone" };
const meeting = { meetingStart: "2026-12-01T10:00+02:00", meetingEnd: "2026-12-01T11:30+02:00", meetingPlace: "Vankila", meetingSummary: "Asuminen" };

describe("release days and the fast track (issue 13)", function () {
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

  /** the first task with these release days, and the registration on Mon 23 Nov 2026 */
  async function registered(releaseDays: Record<string, unknown>) {
    const { id, caseRef } = await h.start("release-preparation");
    await h.complete(id, "ota-yhteytta", { probation: "none", sentenceDays: 240, needDescription: "Asunto ja toimeentulo puuttuvat", ...releaseDays });
    // intake names the personal worker at registration (SHL 42 §)
    await h.complete(id, "kirjaa-yhteydenotto", { contactDate: "2026-11-23", personalWorkerId: "sw.nieminen" });
    const child = await h.calledAssessment(id);
    await h.openTasks(child.id, "kirjaa-suostumus");
    await h.openTasks(id, "kokoa-verkosto");
    return { id, caseRef, child: child.id };
  }

  const iso = (value: unknown) => new Date(value as string).toISOString();

  async function openDue(processInstanceId: string): Promise<Record<string, string[]>> {
    const tasks = unwrap(await engine.client.GET("/task", { params: { query: { processInstanceId } } }));
    const result: Record<string, string[]> = {};
    for (const t of tasks) (result[t.taskDefinitionKey!] ??= []).push(t.due ? iso(t.due) : "none");
    for (const list of Object.values(result)) list.sort();
    return result;
  }

  async function concludeAssessment(child: string, services: string[]) {
    await h.complete(child, "kirjaa-suostumus", consentAnswers(["goals", "services", "release-dates"]));
    await h.complete(child, "sovi-tapaaminen", firstMeeting);
    await h.complete(child, "kirjaa-tapaaminen", { ...meeting, moreMeetings: false });
    await h.complete(child, "johtopaatos", { needsMultiAgencyWork: true, services, conclusionSummary: "Monialainen työ tarpeen" });
    await h.complete(child, "tarkista-suunnitelma", { planReviewDate: "2027-03-01", planReviewed: true });
    await h.ended(child);
  }

  it("release in 10 days: the fast track beside the assessment, no task born overdue, no escalation at registration", async () => {
    // release Thu 3 Dec 2026 ≤ Wed 23 Dec: fast track. Last working day before: Wed 2 Dec.
    // Start: 7th weekday Wed 2 Dec (Tue 24 (1) … Fri 27 (4), Mon 30 (5), Tue 1 (6), Wed 2 (7)),
    // not later than the release eve Wed 2 Dec; warned 2 weekdays before, Mon 30 Nov.
    // Completion, not capped on the fast track: 23 Nov + 3 months = Tue 23 Feb 2027, warned Tue 9 Feb.
    // The 14-day release warning, 3 Dec − 14 = Thu 19 Nov, lies before the contact: it will raise nothing.
    const c = await registered({ releaseDate: "2026-12-03", sentenceDays: 60 });
    expect(await h.variable(c.id, "fastTrack")).to.equal(true);
    expect(await h.variable(c.id, "releaseWarningLate")).to.equal(true);
    const urgent = await h.tasksByService(c.id, "jarjesta-kiireellisesti", URGENT.length);
    expect(Object.keys(urgent).sort()).to.deep.equal(URGENT);
    await h.settled(c.id);
    await h.settled(c.child);
    const parent = await openDue(c.id);
    expect(parent).to.deep.equal({
      "kokoa-verkosto": ["2026-12-02T21:59:59.000Z"],
      "jarjesta-kiireellisesti": URGENT.map(() => "2026-12-02T21:59:59.000Z"),
    });
    expect(await openDue(c.child)).to.deep.equal({ "kirjaa-suostumus": ["2026-12-02T21:59:59.000Z"] });
    // nothing due, and no clock set, before the moment of registration
    const clocks = [...Object.values(parent).flat(), ...Object.values(await h.timers(c.id)).flat(), ...Object.values(await h.timers(c.child)).flat()];
    expect(clocks.filter((d) => d <= REGISTERED)).to.deep.equal([]);
    // the release-day clocks at 08:00: Wed 2 Dec (the eve) and Thu 3 Dec
    expect(await h.timers(c.id)).to.deep.equal({
      "kiire-aatto": URGENT.map(() => "2026-12-02T06:00:00.000Z"),
      "kiire-paiva": URGENT.map(() => "2026-12-03T06:00:00.000Z"),
    });
    expect(await h.timers(c.child)).to.deep.equal({
      "aloitus-varoitus": ["2026-11-30T06:00:00.000Z"],
      "aloitus-ylitetty": ["2026-12-02T21:59:59.000Z"],
      "valmistuminen-varoitus": ["2027-02-09T06:00:00.000Z"],
      "valmistuminen-ylitetty": ["2027-02-23T21:59:59.000Z"],
    });
    expect(await h.escalations(c.id)).to.deep.equal([]);
    expect(await h.escalations(c.child)).to.deep.equal([]);

    // the practical steps are done before release; the assessment carries on after it
    for (const task of Object.values(urgent)) await h.completeTaskById(task, { serviceArranged: true, serviceNote: "Järjestetty" });
    await h.complete(c.id, "kokoa-verkosto", { networkMembers: "Asumisneuvoja, A-klinikka" });
    await h.reached(c.id, "kiireelliset-valmiit");
    await concludeAssessment(c.child, ["housing"]);
    await h.tasksByService(c.id, "varmista-palvelu", 1);
    // in phase C the 14-day warning, already passed at the contact, ends without an escalation
    await h.fire(c.id, "vapautuminen-lahestyy");
    await h.reached(c.id, "ei-varoitusta");
    await h.settled(c.id);
    expect(await h.escalations(c.id)).to.deep.equal([]);
    expect(await h.visited(c.id)).to.not.include("varoitus-eskaloi");
  });

  it("probationary freedom granted: the services are due before it starts, not before conditional release", async () => {
    // conditional release Mon 15 Mar 2027, probationary freedom granted from Mon 1 Feb 2027: the county's
    // responsibility begins Mon 1 Feb (outside the window). Last working day before: Fri 29 Jan 2027.
    // Completion: 23 Nov + 3 months = Tue 23 Feb 2027, capped by Mon 1 Feb; warned 14 days before, Mon 18 Jan.
    // The 14-day release warning: Mon 18 Jan 2027 08:00.
    const c = await registered({ releaseDate: "2027-03-15", probation: "granted", probationFrom: "2027-02-01", fullTermDate: "2027-08-15", sentenceDays: 540 });
    expect(await h.variable(c.id, "fastTrack")).to.equal(false);
    expect(iso(await h.variable(c.id, "responsibilityBegins"))).to.equal("2027-01-31T22:00:00.000Z");
    expect(await h.timers(c.child)).to.deep.include({ "valmistuminen-ylitetty": ["2027-02-01T21:59:59.000Z"], "valmistuminen-varoitus": ["2027-01-18T06:00:00.000Z"] });
    expect(await openDue(c.id)).to.deep.equal({ "kokoa-verkosto": ["2027-01-29T21:59:59.000Z"] });

    await h.complete(c.id, "kokoa-verkosto", { networkMembers: "Valvoja, asumispalvelu" });
    await concludeAssessment(c.child, ["housing", "income"]);
    await h.tasksByService(c.id, "varmista-palvelu", 2);
    expect(await openDue(c.id)).to.deep.equal({ "varmista-palvelu": ["2027-01-29T21:59:59.000Z", "2027-01-29T21:59:59.000Z"] });
    expect(await h.timers(c.id)).to.deep.equal({
      "vapautuminen-tulee": ["2027-02-01T06:00:00.000Z", "2027-02-01T06:00:00.000Z"],
      "vapautuminen-lahestyy": ["2027-01-18T06:00:00.000Z", "2027-01-18T06:00:00.000Z"],
    });
    for (const task of Object.values(await h.tasksByService(c.id, "varmista-palvelu", 2))) await h.completeTaskById(task, { serviceArranged: true });
    // probationary freedom granted: its support is agreed, due the same Fri 29 Jan
    const [probation] = await h.openTasks(c.id, "koevapauden-tuki");
    expect(iso(probation!.due)).to.equal("2027-01-29T21:59:59.000Z");
  });

  it("a converted fine of 30 days: the fast track, and the clocks on the eve and on the day escalate what is not arranged", async () => {
    // a 30-day conversion sentence from Mon 16 Nov 2026 ends Tue 15 Dec 2026 (16 Nov + 29 days), served in full.
    // 15 Dec ≤ 23 Dec: fast track. Last working day before: Mon 14 Dec. Start: Wed 2 Dec (as above, the eve
    // is later). The 14-day release warning: 15 Dec − 14 = Tue 1 Dec, after the contact: not late.
    const c = await registered({ releaseDate: "2026-12-15", fullTermDate: "2026-12-15", sentenceDays: 30, convertedFine: true });
    expect(await h.variable(c.id, "fastTrack")).to.equal(true);
    expect(await h.variable(c.id, "releaseWarningLate")).to.equal(false);
    const urgent = await h.tasksByService(c.id, "jarjesta-kiireellisesti", URGENT.length);
    expect((await openDue(c.id))["jarjesta-kiireellisesti"]).to.deep.equal(URGENT.map(() => "2026-12-14T21:59:59.000Z"));
    expect(await h.timers(c.id)).to.deep.equal({
      "kiire-aatto": URGENT.map(() => "2026-12-14T06:00:00.000Z"),
      "kiire-paiva": URGENT.map(() => "2026-12-15T06:00:00.000Z"),
    });
    // all but housing arranged by Mon 14 Dec
    for (const [kind, task] of Object.entries(urgent)) if (kind !== "housing") await h.completeTaskById(task, { serviceArranged: true });
    await h.fire(c.id, "kiire-aatto");
    await h.reached(c.id, "kiire-aatto-loppu");
    await h.fire(c.id, "kiire-paiva");
    await h.reached(c.id, "kiire-paiva-loppu");
    await h.settled(c.id);
    expect(await h.escalations(c.id)).to.deep.equal([
      { rule: "release-eve", stage: "warning", activityId: "kiire-aatto-eskaloi" },
      { rule: "release", stage: "passed", activityId: "kiire-paiva-eskaloi" },
    ]);
    expect(h.noticesOf(c.id)).to.deep.equal([
      { activityId: "kiire-aatto-ilmoita", template: "deadline-approaching", to: "group:team-lead.hva-ita-uusimaa,personal-worker" },
      { activityId: "kiire-paiva-ilmoita", template: "continuity-incomplete", to: "group:team-lead.hva-ita-uusimaa,personal-worker" },
    ]);
    // housing is still being arranged, as the same task
    expect(Object.keys(await h.tasksByService(c.id, "jarjesta-kiireellisesti", 1))).to.deep.equal(["housing"]);
  });

  it("the release moved earlier into the window in the middle of the assessment opens the fast track, and the assessment is no longer cut off at release", async () => {
    // release Fri 15 Jan 2027 at first (outside the window): completion capped by it, Fri 15 Jan.
    const c = await registered({ releaseDate: "2027-01-15" });
    expect(await h.variable(c.id, "fastTrack")).to.equal(false);
    await h.complete(c.child, "kirjaa-suostumus", consentAnswers(["release-dates"]));
    await h.complete(c.child, "sovi-tapaaminen", firstMeeting);
    await h.openTasks(c.child, "kirjaa-tapaaminen");
    await h.settled(c.child);
    expect((await h.timers(c.child))["valmistuminen-ylitetty"]).to.deep.equal(["2027-01-15T21:59:59.000Z"]);

    // brought forward to Thu 10 Dec 2026 (≤ Wed 23 Dec): the message says it is the release date that changed.
    // Last working day before: Wed 9 Dec. Completion no longer capped: Tue 23 Feb 2027, warned Tue 9 Feb.
    await h.settled(c.id);
    unwrap(
      await engine.client.POST("/message", {
        body: {
          messageName: "ReleaseDateChanged",
          businessKey: c.caseRef,
          all: true,
          processVariables: { releaseDate: { value: "2026-12-10T00:00:00.000+0000", type: "Date" }, changedReleaseDay: { value: "releaseDate", type: "String" } },
        },
      }),
    );
    const urgent = await h.tasksByService(c.id, "jarjesta-kiireellisesti", URGENT.length);
    expect(Object.keys(urgent).sort()).to.deep.equal(URGENT);
    await h.reached(c.child, "laskettu-uudelleen");
    await h.settled(c.id);
    await h.settled(c.child);
    expect(await h.variable(c.id, "fastTrack")).to.equal(true);
    expect(await openDue(c.id)).to.deep.equal({
      "kokoa-verkosto": ["2026-12-09T21:59:59.000Z"],
      "jarjesta-kiireellisesti": URGENT.map(() => "2026-12-09T21:59:59.000Z"),
    });
    expect(await h.timers(c.id)).to.deep.equal({
      "kiire-aatto": URGENT.map(() => "2026-12-09T06:00:00.000Z"),
      "kiire-paiva": URGENT.map(() => "2026-12-10T06:00:00.000Z"),
    });
    await until(async () => ((await h.timers(c.child))["valmistuminen-ylitetty"]?.[0] === "2027-02-23T21:59:59.000Z" ? true : undefined));
    expect(await h.timers(c.child)).to.deep.equal({
      "valmistuminen-varoitus": ["2027-02-09T06:00:00.000Z"],
      "valmistuminen-ylitetty": ["2027-02-23T21:59:59.000Z"],
    });
    expect(await h.escalations(c.id)).to.deep.equal([]);
  });

  it("children in the client's care: their situation is looked into on its own statutory clock", async () => {
    // SHL 36 §: the 7th weekday from the contact, Wed 2 Dec 2026; completion three months, Tue 23 Feb 2027
    const c = await registered({ releaseDate: "2027-01-15", childrenInCare: true });
    const [children] = await h.openTasks(c.id, "selvita-lasten-tilanne");
    expect(await h.candidateGroups(children!.id)).to.deep.equal([`case-team.${c.caseRef}.county`]);
    expect(iso(children!.due)).to.equal("2026-12-02T21:59:59.000Z");
    expect(iso(await h.variable(c.id, "childrenCompletionDue"))).to.equal("2027-02-23T21:59:59.000Z");
    // the three months (contact Mon 23 Nov 2026 → Tue 23 Feb 2027) wait on the task's own timer
    expect((await h.timers(c.id))["lapset-ylitetty"]).to.deep.equal(["2027-02-23T21:59:59.000Z"]);
    await h.fire(c.id, "lapset-ylitetty");
    await h.reached(c.id, "lapset-ylitetty-loppu");
    expect((await h.escalations(c.id)).filter((e) => e.activityId === "lapset-ylitetty-eskaloi").map((e) => [e.rule, e.stage])).to.deep.equal([["children-completion", "passed"]]);
    expect(h.noticesOf(c.id).filter((n) => n.activityId === "lapset-ylitetty-ilmoita")).to.deep.equal([
      { activityId: "lapset-ylitetty-ilmoita", template: "deadline-passed", to: "group:team-lead.hva-ita-uusimaa,personal-worker" },
    ]);
    // a late look into the children's situation is still to be done: the task stays open
    await h.openTasks(c.id, "selvita-lasten-tilanne");
    await h.completeTaskById(children!.id, { childrenSituation: "Kaksi kouluikäistä lasta, asuvat isovanhemmilla", childWelfareNeeded: true });
    await h.reached(c.id, "lasten-tilanne-selvitetty");
    expect(await h.variable(c.id, "childWelfareNeeded")).to.equal(true);

    // without children, no such task
    const other = await registered({ releaseDate: "2027-01-15" });
    await h.reached(other.id, "ei-lapsia");
    expect(await h.visited(other.id)).to.not.include("selvita-lasten-tilanne");
  });
});
