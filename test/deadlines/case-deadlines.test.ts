/*
 * Expected dates and instants worked out by hand from a printed calendar. Helsinki is UTC+2 in
 * winter and UTC+3 in summer (from the last Sunday of March to the last Sunday of October).
 */
import { expect } from "chai";
import { caseDeadlines, DeadlineFacts } from "../../workers/deadlines/case-deadlines.js";

describe("case deadlines (the deadline-compute variables)", () => {
  it("reads a Date variable as its date in Helsinki, and plain or timed ISO strings", () => {
    // 22:00Z on 20 Dec is midnight of Mon 21 Dec in Helsinki
    expect(DeadlineFacts.parse({ contactDate: new Date("2026-12-20T22:00:00Z") }).contactDate).to.equal("2026-12-21");
    const cleared = DeadlineFacts.parse({ contactDate: "2026-12-21", releaseDate: null });
    expect([cleared.contactDate, cleared.releaseDate]).to.deep.equal(["2026-12-21", undefined]);
    // 23:30 on 14 Feb 2027 at UTC−1 is 01:30 on 15 Feb in Helsinki
    expect(DeadlineFacts.parse({ contactDate: "2026-12-21", releaseDate: "2027-02-14T23:30:00-01:00" }).releaseDate).to.equal("2027-02-15");
  });

  it("says which variable is wrong and why", () => {
    const problems = (input: unknown) => DeadlineFacts.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(problems({})).to.deep.equal(["contactDate: is missing"]);
    expect(problems({ contactDate: "21.12.2026" })).to.deep.equal(['contactDate: must be a Date or an ISO date (YYYY-MM-DD), not "21.12.2026"']);
    expect(problems({ contactDate: "2026-12-21", releaseDate: 5 })).to.deep.equal(["releaseDate: must be a Date or an ISO date (YYYY-MM-DD), not 5"]);
    expect(problems({ contactDate: new Date(Number.NaN) })).to.have.length(1);
    expect(problems({ contactDate: "2027-02-29" })).to.have.length(1);
  });

  it("starts an urgent case on the contact day, warning the team lead that morning; completion is unchanged", () => {
    // urgent need (SHL § 36) registered Mon 23 Nov 2026: no seven weekdays, the start is due that day
    const { dates, instants } = caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-11-23", urgent: true }));
    expect(dates).to.deep.equal({
      assessmentStartDue: "2026-11-23",
      assessmentStartWarning: "2026-11-23",
      assessmentCompletionDue: "2027-02-23",
      assessmentCompletionWarning: "2027-02-09",
    });
    expect([instants.assessmentStartDue.toISOString(), instants.assessmentStartWarning.toISOString()]).to.deep.equal([
      "2026-11-23T21:59:59.000Z",
      "2026-11-23T06:00:00.000Z",
    ]);
    // not urgent, or not said: the seven weekdays
    for (const urgent of [false, null, undefined]) {
      expect(caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-11-23", urgent })).dates.assessmentStartDue, String(urgent)).to.equal("2026-12-02");
    }
  });

  it("gives the due instants at 23:59:59 and the warnings at 08:00 in Helsinki", () => {
    // contact Thu 19 Mar 2026: 7th weekday Mon 30 Mar (Fri 20 (1), Mon 23 … Fri 27 (6), Mon 30 (7)),
    // warned Thu 26 Mar; three months = Fri 19 Jun, Midsummer Eve → Mon 22 Jun, warned Mon 8 Jun.
    // Summer time from Sun 29 Mar 2026: the start warning is at UTC+2, the rest at UTC+3.
    const { dates, instants } = caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-03-19" }));
    expect(dates).to.deep.equal({
      assessmentStartDue: "2026-03-30",
      assessmentStartWarning: "2026-03-26",
      assessmentCompletionDue: "2026-06-22",
      assessmentCompletionWarning: "2026-06-08",
    });
    expect(Object.fromEntries(Object.entries(instants).map(([k, v]) => [k, v.toISOString()]))).to.deep.equal({
      assessmentStartDue: "2026-03-30T20:59:59.000Z",
      assessmentStartWarning: "2026-03-26T06:00:00.000Z",
      assessmentCompletionDue: "2026-06-22T20:59:59.000Z",
      assessmentCompletionWarning: "2026-06-08T05:00:00.000Z",
    });
  });

  describe("release days", () => {
    const iso = (r: Record<string, Date> | undefined) => Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, v.toISOString()]));

    it("a Sunday release ten days after a Thursday contact: the fast track, the start capped, the release warning already passed", () => {
      // contact Thu 5 Mar 2026, release Sun 15 Mar (issue 13). Window: 5 Mar + 30 days = Sat 4 Apr ≥ 15 Mar → fast track.
      // Start: 7th weekday Mon 16 Mar, capped by the release eve Fri 13 Mar; warned Wed 11 Mar.
      // Completion, uncapped on the fast track: Fri 5 Jun 2026, warned 14 days before, Fri 22 May.
      // Release warning: 14 days before 15 Mar = Sun 1 Mar → Fri 27 Feb, before the contact: late.
      // Winter time (UTC+2) until Sun 29 Mar: 08:00 = 06:00Z, 23:59:59 = 21:59:59Z, 00:00 = 22:00Z the day before.
      const c = caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-03-05", releaseDate: "2026-03-15" }));
      expect(c.fastTrack).to.equal(true);
      expect(c.dates).to.deep.equal({
        assessmentStartDue: "2026-03-13",
        assessmentStartWarning: "2026-03-11",
        assessmentCompletionDue: "2026-06-05",
        assessmentCompletionWarning: "2026-05-22",
      });
      expect(c.release?.dates).to.deep.equal({
        responsibilityBegins: "2026-03-15",
        releaseMorning: "2026-03-15",
        releaseEveMorning: "2026-03-13",
        continuityDue: "2026-03-13",
        releaseWarning: "2026-02-27",
      });
      expect(iso(c.release?.instants)).to.deep.equal({
        responsibilityBegins: "2026-03-14T22:00:00.000Z",
        releaseMorning: "2026-03-15T06:00:00.000Z",
        releaseEveMorning: "2026-03-13T06:00:00.000Z",
        continuityDue: "2026-03-13T21:59:59.000Z",
        releaseWarning: "2026-02-27T06:00:00.000Z",
      });
      expect(c.lateWarnings).to.deep.equal(["release"]);
    });

    it("probationary freedom granted: the clocks follow its start, not the conditional release", () => {
      // contact Mon 2 Nov 2026, conditional release Thu 15 Apr 2027, probationary freedom from Mon 1 Feb 2027.
      // Responsibility begins Mon 1 Feb. Window 2 Nov + 30 = Wed 2 Dec 2026 < 1 Feb: no fast track.
      // Completion: 2 Nov + 3 months = Tue 2 Feb 2027, capped by 1 Feb; warned 14 days before, Mon 18 Jan.
      // Eve: Fri 29 Jan 2027. Release warning: Mon 18 Jan 2027.
      const c = caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-11-02", releaseDate: "2027-04-15", probation: "granted", probationFrom: "2027-02-01" }));
      expect(c.fastTrack).to.equal(false);
      expect([c.dates.assessmentCompletionDue, c.dates.assessmentCompletionWarning]).to.deep.equal(["2027-02-01", "2027-01-18"]);
      expect(c.release?.dates).to.deep.include({ responsibilityBegins: "2027-02-01", continuityDue: "2027-01-29", releaseWarning: "2027-01-18" });
      expect(c.lateWarnings).to.deep.equal([]);
      // only planned, then not: the same, as long as a date is given; "none" ignores a stale date
      expect(caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-11-02", releaseDate: "2027-04-15", probation: "planned", probationFrom: "2027-02-01" })).release?.dates.responsibilityBegins).to.equal("2027-02-01");
      expect(caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-11-02", releaseDate: "2027-04-15", probation: "none", probationFrom: "2027-02-01" })).release?.dates.responsibilityBegins).to.equal("2027-04-15");
    });

    it("a converted fine of 30 days ending on Epiphany", () => {
      // a 30-day conversion sentence from Mon 7 Dec 2026 ends Wed 6 Jan 2027 (Epiphany); contact Tue 8 Dec 2026.
      // Window 8 Dec + 30 = Thu 7 Jan 2027 ≥ 6 Jan: fast track. Eve: Tue 5 Jan 2027.
      // Start: Wed 9 (1), Thu 10, Fri 11, Mon 14, Tue 15 (5), Wed 16, Thu 17 Dec (7); warned Tue 15 Dec.
      // Completion uncapped: Mon 8 Mar 2027, warned Mon 22 Feb. Release warning: 6 Jan − 14 = Wed 23 Dec 2026.
      const c = caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-12-08", releaseDate: "2027-01-06" }));
      expect(c.fastTrack).to.equal(true);
      expect(c.dates).to.deep.equal({
        assessmentStartDue: "2026-12-17",
        assessmentStartWarning: "2026-12-15",
        assessmentCompletionDue: "2027-03-08",
        assessmentCompletionWarning: "2027-02-22",
      });
      expect(c.release?.dates).to.deep.include({ continuityDue: "2027-01-05", releaseWarning: "2026-12-23" });
      expect(c.lateWarnings).to.deep.equal([]);
    });

    it("children in the client's care get their own clocks", () => {
      // contact Mon 23 Nov 2026: 7th weekday Wed 2 Dec (Tue 24 (1) … Fri 27 (4), Mon 30 (5), Tue 1 (6), Wed 2 (7));
      // three months: Tue 23 Feb 2027
      const c = caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-11-23", childrenInCare: true }));
      expect(c.children?.dates).to.deep.equal({ childrenStartDue: "2026-12-02", childrenCompletionDue: "2027-02-23" });
      expect(caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-11-23" })).children).to.equal(undefined);
    });
  });

  it("keeps the start limit and its warning on or after the contact when the release is the next day", () => {
    // contact Sat 28 Nov 2026, release Sun 29 Nov: the last working day before release, Fri 27, is
    // before the contact, so the limit is the contact day and the team lead is warned at once
    const weekend = caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-11-28", releaseDate: "2026-11-29" }));
    expect([weekend.dates.assessmentStartDue, weekend.dates.assessmentStartWarning]).to.deep.equal(["2026-11-28", "2026-11-28"]);
    // contact Mon 23 Nov, release Tue 24: the limit is the release eve, Mon 23; its warning two weekdays
    // before (Thu 19) had passed, so it comes on the contact day instead
    const monday = caseDeadlines(DeadlineFacts.parse({ contactDate: "2026-11-23", releaseDate: "2026-11-24" }));
    expect([monday.dates.assessmentStartDue, monday.dates.assessmentStartWarning]).to.deep.equal(["2026-11-23", "2026-11-23"]);
    expect(monday.lateWarnings).to.not.include("assessment-start");
  });

  it("never lets an assessment warning fall before the contact, so the joint assessment needs no gateway for one (only the release warning can)", () => {
    // every contact weekday of a winter and a summer week, urgent or not, released 1 to 400 days later or not at all
    const late = new Set<string>();
    for (const contactDate of ["2026-11-23", "2026-11-27", "2026-11-28", "2027-06-14", "2027-06-18", "2026-12-23"]) {
      for (const urgent of [false, true]) {
        const releases: (string | undefined)[] = [undefined];
        for (let days = 1; days <= 400; days += 1) releases.push(new Date(Date.parse(`${contactDate}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10));
        for (const releaseDate of releases) {
          for (const warning of caseDeadlines(DeadlineFacts.parse({ contactDate, urgent, ...(releaseDate ? { releaseDate } : {}) })).lateWarnings) late.add(warning);
        }
      }
    }
    expect([...late]).to.deep.equal(["release"]);
  });
});
