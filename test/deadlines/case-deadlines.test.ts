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
});
