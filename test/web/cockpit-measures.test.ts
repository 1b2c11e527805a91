/*
 * The cockpit's measures (DOMAIN.md, "Measuring the change"): cases walked over REST through
 * the real pathways (processes/, forms/) to known outcomes, then the figures read back through
 * the cockpit's API and its page.
 *
 * Task completions happen now, so contact dates are set relative to today (Helsinki): a start
 * within 8 days of the contact is always within the 7-weekday limit (7 weekdays span at least 9
 * days), one 30 days on never is; a conclusion 2 or 3 days on is always within three months,
 * one 120 days on never is. The figures are over everything in the engine in the period, so the
 * suite has an engine of its own (support/own-engine.ts).
 */
import { expect } from "chai";
import { DateTime } from "luxon";
import type { Browser } from "playwright-core";
import { deployFiles, deployableFiles } from "../../lib/engine/deploy.js";
import { bundleCockpit } from "../../web/client/cockpit/bundle.js";
import type { Measures } from "../../web/server/cockpit/measures.js";
import { helsinkiDate } from "../../web/server/cockpit/measures-period.js";
import { pageAs, startHarness, type Harness } from "./cockpit-harness.test.js";
import { launchBrowser } from "./support/browser.js";
import { startOwnEngine, type OwnEngine } from "./support/own-engine.js";
import { pathwayHarness } from "../support/pathway-harness.js";
import { consentAnswers, NO_CONSENT } from "../support/consent-answers.js";

const ADMIN = "ops.heikkinen";
const CLIENT_NAME = "Mittari Testiasiakas";
/** the start variables the tasklist gives a case */
const asReferredBy = (referrerUserId: string) => ({
  clientName: { value: CLIENT_NAME, type: "String" },
  referrerUserId: { value: referrerUserId, type: "String" },
  riseWorkerId: { value: referrerUserId, type: "String" },
  referrerOrganisation: { value: "rise-prison", type: "String" },
});

describe("cockpit measures", function () {
  this.timeout(300_000);
  let own: OwnEngine;
  let harness: Harness;
  let browser: Browser;
  let walk: ReturnType<typeof pathwayHarness>;
  const today = helsinkiDate(new Date());
  const day = (offset: number) => DateTime.fromISO(today, { zone: "utc" }).plus({ days: offset }).toISODate()!;
  /** where the default period starts: the last twelve months to today */
  const yearBack = DateTime.fromISO(today, { zone: "utc" }).minus({ months: 12 }).plus({ days: 1 }).toISODate();
  const caseRefs: string[] = [];

  const firstMeeting = { meetingStart: `${day(2)}T10:00`, meetingEnd: `${day(2)}T11:30`, meetingPlace: "Vankila, neuvotteluhuone" };
  const meeting = { ...firstMeeting, meetingSummary: "Kartoitettiin asuminen ja toimeentulo", moreMeetings: false };

  /** a joint assessment started on its own, its contact registered with `contactDate`, waiting for consent */
  async function registered(referrer: string, contactDate: string) {
    const started = await walk.start("joint-assessment", asReferredBy(referrer));
    caseRefs.push(started.caseRef);
    await walk.complete(started.id, "kirjaa-ilmoitus", { contactDate, urgent: false, personalWorkerId: "sw.nieminen" }, "intake.korhonen");
    await walk.openTasks(started.id, "kirjaa-suostumus");
    return started;
  }

  /**
   * consent, first meeting, one tracked meeting, the conclusion by `worker`; the plan review done,
   * with the client's `feedback` if any, unless `review` is false
   */
  async function conclude(id: string, worker: string, services: string[], review = true, feedback: Record<string, string> = {}) {
    await walk.complete(id, "kirjaa-suostumus", consentAnswers(["goals", "services"]), worker);
    await walk.complete(id, "sovi-tapaaminen", firstMeeting, worker);
    await walk.complete(id, "kirjaa-tapaaminen", meeting, worker);
    await walk.complete(id, "johtopaatos", { needsMultiAgencyWork: true, services, conclusionSummary: "Monialainen työ tarpeen" }, worker);
    if (review) {
      await walk.complete(id, "tarkista-suunnitelma", { planReviewDate: day(60), planReviewed: true, ...feedback }, worker);
      await walk.ended(id);
    } else {
      await walk.openTasks(id, "tarkista-suunnitelma");
      await walk.settled(id);
    }
  }

  /** release preparation: contact 3 days ago, release in 30 days, the called assessment concluded, two services */
  async function releasePreparation() {
    const rp = await walk.start("release-preparation", asReferredBy("rise.lindqvist"));
    caseRefs.push(rp.caseRef);
    await walk.complete(rp.id, "ota-yhteytta", { releaseDate: day(30), probation: "none", sentenceDays: 180, needDescription: "Asunto ja henkilökortti puuttuvat" }, "rise.lindqvist");
    await walk.complete(rp.id, "kirjaa-yhteydenotto", { contactDate: day(-3), personalWorkerId: "sw.hamalainen" }, "intake.korhonen");
    await conclude((await walk.calledAssessment(rp.id)).id, "sw.hamalainen", ["housing", "identity"], true, { clientFeedbackRating: "5" });
    await walk.complete(rp.id, "kokoa-verkosto", { networkMembers: "Asumispalvelu Oy, vertaistukija" }, "sw.hamalainen");
    const services = await walk.tasksByService(rp.id, "varmista-palvelu", 2);
    // the identity card is arranged now, well before the release day
    await walk.completeTaskById(services.identity!, { serviceArranged: true, serviceNote: "Henkilökortti haettu" }, "sw.hamalainen");
    // housing is not: its release-day timer fires and the escalation runs; the task stays open
    await walk.fire(rp.id, "vapautuminen-tulee");
    await walk.reached(rp.id, "jatkuvuus-ilmoitettu");
    await walk.settled(rp.id);
  }

  before(async () => {
    own = await startOwnEngine();
    // the walk happens now: forms judge "the past" from today
    walk = pathwayHarness(own.engine, { formsNow: new Date() });
    await Promise.all([bundleCockpit(), deployFiles(own.engine.connection, deployableFiles(["processes", "forms"]), "nivel-pathways")]);
    harness = await startHarness(own.engine);
    browser = await launchBrowser();
    walk.serveWorkers();
    try {
      await Promise.all([
        // concluded within both limits, the plan reviewed: ends "Arviointi päättyi"
        registered("rise.virtanen", day(-2)).then((c) =>
          conclude(c.id, "sw.nieminen", ["housing", "income"], true, { clientFeedbackRating: "4", clientFeedback: `${CLIENT_NAME}: asunto järjestyi` }),
        ),
        // concluded 120 days after the contact: both limits missed; still at the plan review
        registered("rise.virtanen", day(-120)).then((c) => conclude(c.id, "sw.nieminen", ["income"], false)),
        // consent declined 30 days after the contact: started late; the county's own assessment goes on
        registered("rise.virtanen", day(-30)).then(async (c) => {
          await walk.complete(c.id, "kirjaa-suostumus", NO_CONSENT, "sw.nieminen");
          await walk.openTasks(c.id, "sovi-tapaaminen");
        }),
        // consent given 4 days after the contact, then withdrawn during the meetings
        registered("rise.lindqvist", day(-4)).then(async (c) => {
          await walk.complete(c.id, "kirjaa-suostumus", consentAnswers(["goals"]), "sw.nieminen");
          await walk.complete(c.id, "sovi-tapaaminen", firstMeeting, "sw.nieminen");
          await walk.openTasks(c.id, "kirjaa-tapaaminen");
          await walk.settled(c.id);
          await walk.message("ConsentWithdrawn", c.caseRef);
          await walk.reached(c.id, "suostumus-peruttu-loppu");
        }),
        // registered yesterday, consent still to be recorded
        registered("rise.lindqvist", day(-1)),
        releasePreparation(),
      ]);
    } finally {
      walk.stopWorkers();
    }
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
    await own?.stop();
  });

  const read = async (query = "", user = ADMIN) => harness.as(user, `/cockpit/api/measures${query}`);
  const figures = async (query = "") => {
    const response = await read(query);
    expect(response.status).to.equal(200);
    return (await response.json()) as Measures;
  };

  it("counts the joint assessments by outcome, the days from contact to start and conclusion, the worker pairs, and the services in place on release day", async () => {
    expect(await figures(`?from=${day(-120)}&to=${day(-1)}`)).to.deep.equal({
      period: { from: day(-120), to: day(-1) },
      // five started on their own and the one release preparation called
      jointAssessments: { cases: 6, concluded: 3, consentDeclined: 1, consentWithdrawn: 1, open: 3, endedOtherwise: 0 },
      // consent recorded after 2, 120, 30, 4 and 3 days: in time after 2, 4 and 3
      start: { measured: 5, medianDays: 4, withinLimit: 3, share: 0.6 },
      // concluded after 2, 120 and 3 days: in time after 2 and 3
      completion: { measured: 3, medianDays: 3, withinLimit: 2, share: 2 / 3 },
      workerPairs: [
        { rise: "rise.virtanen", county: "sw.nieminen", cases: 2 },
        { rise: "rise.lindqvist", county: "sw.hamalainen", cases: 1 },
      ],
      releaseContinuity: {
        cases: 1,
        services: 2,
        arrangedByReleaseDay: 1,
        escalated: 1,
        awaitingReleaseDay: 0,
        share: 0.5,
        byServiceKind: [
          { serviceKind: "housing", services: 1, arrangedByReleaseDay: 0, escalated: 1, awaitingReleaseDay: 0 },
          { serviceKind: "identity", services: 1, arrangedByReleaseDay: 1, escalated: 0, awaitingReleaseDay: 0 },
        ],
      },
      // rated 4 with words of their own, and 5 (the assessment the release pathway called)
      feedback: { responses: 2, averageRating: 4.5, ratings: { "1": 0, "2": 0, "3": 0, "4": 1, "5": 1 }, comments: 1 },
    });
  });

  it("takes the period by contact date with both ends included, and the last twelve months to today by default", async () => {
    // contacts 4, 3 (the release preparation and the assessment it called), 2 and 1 days ago
    const recent = await figures(`?from=${day(-4)}&to=${day(-1)}`);
    expect(recent.jointAssessments).to.deep.equal({ cases: 4, concluded: 2, consentDeclined: 0, consentWithdrawn: 1, open: 2, endedOtherwise: 0 });
    expect(recent.start).to.deep.equal({ measured: 3, medianDays: 3, withinLimit: 3, share: 1 });
    expect(recent.releaseContinuity.services).to.equal(2);

    const oneDay = await figures(`?from=${day(-120)}&to=${day(-120)}`);
    expect(oneDay.jointAssessments.cases).to.equal(1);
    expect(oneDay.completion).to.deep.equal({ measured: 1, medianDays: 120, withinLimit: 0, share: 0 });
    expect(oneDay.workerPairs).to.deep.equal([{ rise: "rise.virtanen", county: "sw.nieminen", cases: 1 }]);
    expect(oneDay.releaseContinuity).to.include({ cases: 0, services: 0, share: null });

    const none = await figures(`?from=${day(-119)}&to=${day(-31)}`);
    expect(none.jointAssessments.cases).to.equal(0);
    expect(none.start).to.deep.equal({ measured: 0, medianDays: null, withinLimit: 0, share: null });
    expect(none.workerPairs).to.deep.equal([]);

    const byDefault = await figures();
    expect(byDefault.period).to.deep.equal({ from: yearBack, to: today });
    expect(byDefault.jointAssessments.cases).to.equal(6);
    // twelve months up to the given end: all but yesterday's
    expect((await figures(`?to=${day(-2)}`)).jointAssessments.cases).to.equal(5);
  });

  it("is for admins only and refuses a period that is not one with a readable 400", async () => {
    for (const user of ["owner.laine", "sw.nieminen", "lead.makinen", "rise.virtanen"]) {
      expect((await read("", user)).status, user).to.equal(403);
    }
    expect((await fetch(`${harness.url}/cockpit/api/measures`)).status).to.equal(401);

    for (const query of [`?from=${day(-1)}&to=${day(-2)}`, `?from=${day(1)}`, "?from=2026-02-30", "?to=23.11.2026", `?from=${day(-1)}&from=${day(-2)}`]) {
      const response = await read(query);
      expect(response.status, query).to.equal(400);
      const body = (await response.json()) as { type: string; message: string };
      expect(body.type, query).to.equal("InvalidRequestException");
      expect(body.message, query).to.match(/^(from|to): /);
    }
    const backwards = (await (await read(`?from=${day(-1)}&to=${day(-2)}`)).json()) as { message: string };
    expect(backwards.message).to.equal("from: The period's start must not be after its end.");
  });

  it("answers with numbers and staff user ids only, and audits every read with its period", async () => {
    const before = (await harness.auditBy(ADMIN)).filter((e) => e.action === "cockpit.measures").length;
    const text = await (await read(`?from=${day(-120)}&to=${day(-1)}`)).text();
    expect(text).to.not.contain(CLIENT_NAME);
    expect(text).to.not.match(/clientName|caseRef|NIV-/);
    for (const caseRef of caseRefs) expect(text).to.not.contain(caseRef);
    await read(`?from=${day(-4)}&to=${day(-1)}`);
    await read(`?from=${day(-1)}&to=${day(-2)}`);

    const reads = (await harness.auditBy(ADMIN)).filter((e) => e.action === "cockpit.measures").slice(before);
    expect(reads.map((e) => ({ caseRef: e.caseRef, detail: e.detail }))).to.deep.equal([
      { caseRef: null, detail: { from: day(-120), to: day(-1) } },
      { caseRef: null, detail: { from: day(-4), to: day(-1) } },
    ]);
  });

  it("shows an admin the figures on the Measures page, an empty period, and a refused one", async () => {
    const page = await pageAs(browser, harness, ADMIN);
    await page.goto(`${harness.url}/cockpit/`);
    // in Finnish first, as the cockpit opens by default
    await page.getByRole("link", { name: "Mittarit" }).click();
    await page.getByRole("heading", { name: "Mittarit" }).waitFor();
    await page.locator("table.outcomes").waitFor();
    expect(await page.locator("table.outcomes thead").innerText()).to.contain("Lopputulos");
    expect(await page.getByLabel("Yhteydenottopäivä alkaen").inputValue()).to.equal(yearBack);
    await page.selectOption("#language", "en");
    await page.getByRole("heading", { name: "Measures" }).waitFor();
    await page.locator("table.outcomes").waitFor();
    // the default period: the last twelve months to today
    expect(await page.getByLabel("Contact date from").inputValue()).to.equal(yearBack);
    expect(await page.getByLabel("to", { exact: true }).inputValue()).to.equal(today);

    await page.getByLabel("Contact date from").fill(day(-120));
    await page.getByLabel("to", { exact: true }).fill(day(-1));
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByText(`Cases with a contact date from ${day(-120)} to ${day(-1)}, both days included.`).waitFor();
    const cells = async (table: string) =>
      page.locator(`table.${table} tbody tr`).evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll("th, td")).map((c) => (c as HTMLElement).innerText)));
    expect(await cells("outcomes")).to.deep.equal([
      ["Cases", "6"],
      ["Concluded", "3"],
      ["Consent declined", "1"],
      ["Consent withdrawn", "1"],
      ["Still open", "3"],
      ["Ended otherwise", "0"],
    ]);
    expect(await cells("times")).to.deep.equal([
      ["Assessment started (consent recorded)", "5", "4", "3 of 5", "60%"],
      ["Assessment concluded", "3", "3", "2 of 3", "66.7%"],
    ]);
    expect(await cells("pairs")).to.deep.equal([
      ["rise.virtanen", "sw.nieminen", "2"],
      ["rise.lindqvist", "sw.hamalainen", "1"],
    ]);
    expect(await cells("continuity")).to.deep.equal([["All services", "2", "1 of 2", "50%", "1", "0"]]);
    expect(await cells("continuity-kinds")).to.deep.equal([
      ["Housing", "1", "0 of 1", "0%", "1", "0"],
      ["Identity card and e-identification", "1", "1 of 1", "100%", "0", "0"],
    ]);
    expect(await cells("feedback")).to.deep.equal([["2", "4.5", "0", "0", "0", "1", "1", "1"]]);
    expect(new URL(page.url()).hash).to.equal(`#/measures?from=${day(-120)}&to=${day(-1)}`);

    await page.getByLabel("Contact date from").fill(day(-119));
    await page.getByLabel("to", { exact: true }).fill(day(-31));
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByText(`Cases with a contact date from ${day(-119)} to ${day(-31)}, both days included.`).waitFor();
    await page.getByText("No cases with a contact date in this period.").waitFor();
    expect(await page.locator("table.outcomes").count()).to.equal(0);

    await page.getByLabel("Contact date from").fill(day(-1));
    await page.getByLabel("to", { exact: true }).fill(day(-2));
    await page.getByRole("button", { name: "Show" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).to.equal("The figures cannot be shown: from: The period's start must not be after its end.");
    // the period stays in the form to be corrected
    expect(await page.getByLabel("Contact date from").inputValue()).to.equal(day(-1));
    await page.context().close();
  });
});
