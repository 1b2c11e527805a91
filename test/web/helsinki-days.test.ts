/* The tasklist's days are Helsinki's: the case panel's "days left" and the "due before" filter. */
import { expect } from "chai";
import { clocksOf } from "../../web/server/tasklist/case-view.js";
import { taskQuery } from "../../web/server/tasklist/task-filter.js";

describe("days by the Finnish calendar in the tasklist", () => {
  it("counts a limit at 23:59:59 Helsinki as today from its first minute, in winter and in summer", () => {
    // 00:30 on Wed 2 Dec 2026 in Helsinki is 22:30 on Tue 1 Dec in UTC
    const winter = clocksOf({ assessmentStartDue: { value: "2026-12-02T21:59:59.000Z" } }, new Date("2026-12-01T22:30:00Z"));
    expect(winter.map((c) => [c.name, c.daysLeft, c.passed])).to.deep.equal([["assessmentStartDue", 0, false]]);
    // 23:30 on Tue 1 Dec in Helsinki: one day left
    expect(clocksOf({ assessmentStartDue: { value: "2026-12-02T21:59:59.000Z" } }, new Date("2026-12-01T21:30:00Z"))[0]!.daysLeft).to.equal(1);
    // summer (UTC+3): 00:15 on Mon 14 Jun 2027 is 21:15 on Sun 13 Jun in UTC; the limit that evening is today
    expect(clocksOf({ releaseDate: { value: "2027-06-14T20:59:59.000Z" } }, new Date("2027-06-13T21:15:00Z"))[0]!.daysLeft).to.equal(0);
    // the day after: passed, one day ago
    const after = clocksOf({ releaseDate: { value: "2027-06-14T20:59:59.000Z" } }, new Date("2027-06-15T06:00:00Z"))[0]!;
    expect([after.daysLeft, after.passed]).to.deep.equal([-1, true]);
  });

  it("takes the whole Helsinki day for 'due before', across the change to summer time", () => {
    const user = { id: "sw.nieminen", taskGroups: ["county-intake.hva-ita-uusimaa"] };
    const now = new Date("2026-12-01T10:00:00Z");
    expect(taskQuery({ view: "mine", dueBefore: "2026-12-02" }, user, now).dueBefore).to.equal("2026-12-02T21:59:59.999+0000");
    expect(taskQuery({ view: "mine", dueBefore: "2027-03-28" }, user, now).dueBefore).to.equal("2027-03-28T20:59:59.999+0000");
  });
});
