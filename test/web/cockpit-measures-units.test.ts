import { expect } from "chai";
import { ZodError } from "zod";
import { continuityFigures, jointFigures, type ContinuityService, type JointCase } from "../../web/server/cockpit/measures.js";
import { daysBetween, helsinkiDate, median, periodQuery, startOfHelsinkiDay } from "../../web/server/cockpit/measures-period.js";

const at = (iso: string) => new Date(iso);

describe("cockpit measures: the period", () => {
  const now = at("2026-11-23T10:00:00Z");

  it("is the last twelve months to today (Helsinki) by default, and twelve months up to a given end", () => {
    expect(periodQuery(now).parse({})).to.deep.equal({ from: "2025-11-24", to: "2026-11-23" });
    // 22:30 UTC on the 22nd is already the 23rd in Helsinki
    expect(periodQuery(at("2026-11-22T22:30:00Z")).parse({}).to).to.equal("2026-11-23");
    expect(periodQuery(now).parse({ to: "2024-02-29" })).to.deep.equal({ from: "2023-03-01", to: "2024-02-29" });
    expect(periodQuery(now).parse({ from: "2026-01-01" })).to.deep.equal({ from: "2026-01-01", to: "2026-11-23" });
    expect(periodQuery(now).parse({ from: "2026-11-23", to: "2026-11-23" })).to.deep.equal({ from: "2026-11-23", to: "2026-11-23" });
  });

  it("refuses a start after the end, given or defaulted, and anything but YYYY-MM-DD dates", () => {
    for (const query of [{ from: "2026-11-24", to: "2026-11-23" }, { from: "2026-11-24" }, { from: "2026-02-30" }, { to: "23.11.2026" }, { from: ["2026-01-01", "2026-02-01"] }]) {
      expect(() => periodQuery(now).parse(query), JSON.stringify(query)).to.throw(ZodError);
    }
  });

  it("counts in Helsinki calendar days", () => {
    expect(startOfHelsinkiDay("2026-11-23").toISOString()).to.equal("2026-11-22T22:00:00.000Z");
    expect(startOfHelsinkiDay("2026-06-01").toISOString()).to.equal("2026-05-31T21:00:00.000Z");
    expect(helsinkiDate(at("2026-11-23T21:59:59Z"))).to.equal("2026-11-23");
    expect(helsinkiDate(at("2026-11-23T22:00:00Z"))).to.equal("2026-11-24");
    expect(daysBetween("2026-11-23", "2027-02-23")).to.equal(92);
    expect(daysBetween("2026-03-28", "2026-03-30"), "across the change to summer time").to.equal(2);
  });

  it("takes the median of odd and even counts, and none of nothing", () => {
    expect(median([120, 2, 30, 4, 3])).to.equal(4);
    expect(median([5, 1, 2, 10])).to.equal(3.5);
    expect(median([])).to.equal(null);
  });
});

describe("cockpit measures: joint assessments", () => {
  const contact = at("2026-11-02T00:00:00.000Z");
  const base: JointCase = { id: "x", finished: false, contactDate: contact, startDue: at("2026-11-11T21:59:59Z"), completionDue: at("2027-02-02T21:59:59Z") };

  it("gives every case one outcome (concluded, open or ended otherwise) and counts refusals and withdrawals beside it: a refusal does not end the county's assessment", () => {
    const cases: JointCase[] = [
      { ...base, id: "a", finished: true, concludedEnd: true, concludedAt: at("2026-11-20T10:00:00Z") },
      { ...base, id: "b", concludedAt: at("2026-11-20T10:00:00Z") },
      { ...base, id: "c", finished: true, declined: true, concludedAt: at("2026-11-25T10:00:00Z") },
      { ...base, id: "d", withdrawn: true },
      { ...base, id: "e" },
      { ...base, id: "f", finished: true },
    ];
    expect(jointFigures(cases).jointAssessments).to.deep.equal({ cases: 6, concluded: 3, consentDeclined: 1, consentWithdrawn: 1, open: 2, endedOtherwise: 1 });
  });

  it("counts days from the contact date to the Helsinki date of the step, and the limit to the second", () => {
    const { start } = jointFigures([
      // the last second of the due day: in time, 9 days
      { ...base, id: "a", startedAt: at("2026-11-11T21:59:59Z") },
      // one second later is the next day in Helsinki: late, 10 days
      { ...base, id: "b", startedAt: at("2026-11-11T22:00:00Z") },
      // no due date worked out: measured, but not within a limit it never had
      { ...base, id: "c", startDue: undefined, startedAt: at("2026-11-03T08:00:00Z") },
      // no contact date: nothing to count from
      { ...base, id: "d", contactDate: undefined, startedAt: at("2026-11-03T08:00:00Z") },
    ]);
    expect(start).to.deep.equal({ measured: 3, medianDays: 9, withinLimit: 1, share: 1 / 3 });
  });

  it("pairs the referring worker with the county worker who concluded, most cases first, then by name", () => {
    const done = { concludedAt: at("2026-11-20T10:00:00Z") };
    const { workerPairs } = jointFigures([
      { ...base, ...done, id: "a", referrer: "rise.b", concludedBy: "sw.a" },
      { ...base, ...done, id: "b", referrer: "rise.a", concludedBy: "sw.b" },
      { ...base, ...done, id: "c", referrer: "rise.b", concludedBy: "sw.a" },
      { ...base, ...done, id: "d", referrer: "rise.a", concludedBy: "sw.a" },
      { ...base, ...done, id: "e", referrer: "rise.a" },
      { ...base, id: "f", referrer: "rise.c", declined: true },
    ]);
    expect(workerPairs).to.deep.equal([
      { rise: "rise.b", county: "sw.a", cases: 2 },
      { rise: "rise.a", county: null, cases: 1 },
      { rise: "rise.a", county: "sw.a", cases: 1 },
      { rise: "rise.a", county: "sw.b", cases: 1 },
    ]);
  });
});

describe("cockpit measures: services in place on release day", () => {
  const service = (s: Partial<ContinuityService>): ContinuityService => ({ processInstanceId: "p1", serviceKind: "housing", releaseDate: "2027-01-15", escalated: false, ...s });

  it("counts a service arranged when its task was completed on the release day (Helsinki) or before", () => {
    const figures = continuityFigures(
      [
        service({ completedAt: at("2027-01-15T21:59:00Z") }),
        service({ serviceKind: "income", completedAt: at("2027-01-15T22:01:00Z"), escalated: true }),
        service({ processInstanceId: "p2", serviceKind: "income" }),
        service({ processInstanceId: "p2", serviceKind: "identity", releaseDate: "2027-03-01" }),
      ],
      "2027-01-20",
    );
    expect(figures).to.deep.equal({
      cases: 2,
      services: 4,
      arrangedByReleaseDay: 1,
      escalated: 1,
      awaitingReleaseDay: 1,
      // of the three whose release day has come, one was in place
      share: 1 / 3,
      byServiceKind: [
        { serviceKind: "income", services: 2, arrangedByReleaseDay: 0, escalated: 1, awaitingReleaseDay: 0 },
        { serviceKind: "housing", services: 1, arrangedByReleaseDay: 1, escalated: 0, awaitingReleaseDay: 0 },
        { serviceKind: "identity", services: 1, arrangedByReleaseDay: 0, escalated: 0, awaitingReleaseDay: 1 },
      ],
    });
  });

  it("has no share while every release day is still ahead, and nothing at all without services", () => {
    expect(continuityFigures([service({})], "2027-01-14")).to.include({ services: 1, awaitingReleaseDay: 1, share: null });
    expect(continuityFigures([service({ escalated: true })], "2027-01-14"), "an escalated service is judged").to.include({ awaitingReleaseDay: 0, share: 0 });
    expect(continuityFigures([], "2027-01-14")).to.deep.equal({ cases: 0, services: 0, arrangedByReleaseDay: 0, escalated: 0, awaitingReleaseDay: 0, share: null, byServiceKind: [] });
  });
});
