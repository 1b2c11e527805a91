/*
 * Expected dates worked out by hand from a printed calendar, with the counting shown beside
 * each (weekdays read off the calendar, Finnish holidays from the almanac).
 */
import { expect } from "chai";
import { parseDate } from "../../workers/deadlines/calendar.js";
import { evaluate, Rule, RULES, ruleById, type Facts } from "../../workers/deadlines/rules.js";

const d = parseDate;
const due = (id: string, facts: Facts) => evaluate(ruleById(id), facts);

describe("deadline rules", () => {
  it("are valid data: each with a status and a source, none naming an unknown rule", () => {
    expect(RULES.map((r) => r.id)).to.have.members([
      "assessment-start",
      "assessment-completion",
      "release",
      "release-eve",
      "fast-track",
      "children-start",
      "children-completion",
      "plan-review",
      "urgent",
    ]);
    for (const rule of RULES) expect(Rule.parse(rule)).to.deep.equal(rule);
    expect(() => Rule.parse({ ...RULES[0], length: { fortnights: 1 } })).to.throw();
    expect(() => ruleById("assessment-finish")).to.throw(/unknown rule "assessment-finish"/);
  });

  describe("assessment-start: the 7th weekday after contact", () => {
    it("counts across Christmas and New Year, and warns 2 weekdays before", () => {
      // Mon 21 Dec 2026 → Mon 4 Jan 2027 (Christmas Eve to St Stephen's and New Year's Day skipped);
      // warning: back from Mon 4 Jan, Thu 31 Dec (1), Wed 30 Dec (2)
      expect(due("assessment-start", { contactDate: d("2026-12-21") })).to.deep.equal({ due: "2027-01-04", warning: "2026-12-30" });
    });

    it("counts across Easter", () => {
      // Wed 1 Apr 2026 → Thu 2 (1), Tue 7 (2) … Tue 14 Apr (7); warning Fri 10 Apr (Mon 13 (1), Fri 10 (2))
      expect(due("assessment-start", { contactDate: d("2026-04-01") })).to.deep.equal({ due: "2026-04-14", warning: "2026-04-10" });
    });
  });

  describe("assessment-completion: three months, or the release date when earlier", () => {
    it("ends on the last day of February for a contact on the 30th of November", () => {
      // 30 Nov 2025 + 3 months: February 2026 has no 30th → Sat 28 Feb → Mon 2 Mar 2026;
      // warning 14 days before Mon 2 Mar = Mon 16 Feb 2026
      expect(due("assessment-completion", { contactDate: d("2025-11-30") })).to.deep.equal({ due: "2026-03-02", warning: "2026-02-16" });
      // 30 Nov 2027 + 3 months = Tue 29 Feb 2028 (leap year), a working day; warning Tue 15 Feb 2028
      expect(due("assessment-completion", { contactDate: d("2027-11-30") })).to.deep.equal({ due: "2028-02-29", warning: "2028-02-15" });
    });

    it("moves off Midsummer Eve, Christmas Eve, May Day and Independence Day", () => {
      // Thu 19 Mar 2026 + 3 months = Fri 19 Jun 2026, Midsummer Eve → Mon 22 Jun
      expect(due("assessment-completion", { contactDate: d("2026-03-19") }).due).to.equal("2026-06-22");
      // 24 Sep 2026 + 3 months = Thu 24 Dec 2026, Christmas Eve → Mon 28 Dec
      expect(due("assessment-completion", { contactDate: d("2026-09-24") }).due).to.equal("2026-12-28");
      // Sun 1 Feb 2026 + 3 months = Fri 1 May 2026, May Day → Mon 4 May
      expect(due("assessment-completion", { contactDate: d("2026-02-01") }).due).to.equal("2026-05-04");
      // 6 Sep 2027 + 3 months = Mon 6 Dec 2027, Independence Day → Tue 7 Dec
      expect(due("assessment-completion", { contactDate: d("2027-09-06") }).due).to.equal("2027-12-07");
      // 6 Sep 2026 + 3 months = Sun 6 Dec 2026, Independence Day on a Sunday → Mon 7 Dec
      expect(due("assessment-completion", { contactDate: d("2026-09-06") }).due).to.equal("2026-12-07");
    });

    it("warns on the working day before a warning day that falls on Easter", () => {
      // Tue 20 Jan 2026 + 3 months = Mon 20 Apr 2026; 14 days before = Mon 6 Apr, Easter Monday →
      // back over Sun 5, Sat 4, Good Friday 3 → Thu 2 Apr 2026
      expect(due("assessment-completion", { contactDate: d("2026-01-20") })).to.deep.equal({ due: "2026-04-20", warning: "2026-04-02" });
    });

    it("is the release day when that comes first, unless the fast track leaves it uncapped", () => {
      // Mon 2 Feb 2026 + 3 months = Sat 2 May → Mon 4 May 2026; warned 14 days before, Mon 20 Apr
      expect(evaluate(ruleById("assessment-completion"), { contactDate: d("2026-02-02"), responsibilityBegins: d("2026-02-20") }, { uncapped: ["release"] })).to.deep.equal({
        due: "2026-05-04",
        warning: "2026-04-20",
      });
    });

    it("is the release date when that comes first, which does not move even on a holiday", () => {
      // Mon 2 Feb 2026 + 3 months = Sat 2 May → Mon 4 May; release Wed 15 Apr is earlier;
      // warning 14 days before = Wed 1 Apr 2026
      expect(due("assessment-completion", { contactDate: d("2026-02-02"), responsibilityBegins: d("2026-04-15") })).to.deep.equal({
        due: "2026-04-15",
        warning: "2026-04-01",
      });
      // release on Easter Sunday 5 Apr 2026 stays there
      expect(due("assessment-completion", { contactDate: d("2026-03-02"), responsibilityBegins: d("2026-04-05") }).due).to.equal("2026-04-05");
      // a release after the three months changes nothing: Mon 4 May 2026, warning Mon 20 Apr
      expect(due("assessment-completion", { contactDate: d("2026-02-02"), responsibilityBegins: d("2026-06-01") })).to.deep.equal({
        due: "2026-05-04",
        warning: "2026-04-20",
      });
    });

    it("keeps a warning day that lies before the contact, when the release is less than the lead away", () => {
      // contact Wed 1 Apr 2026, release Wed 8 Apr: 14 days before is Wed 25 Mar 2026
      expect(due("assessment-completion", { contactDate: d("2026-04-01"), responsibilityBegins: d("2026-04-08") })).to.deep.equal({
        due: "2026-04-08",
        warning: "2026-03-25",
      });
    });

    it("needs the contact date", () => {
      expect(() => due("assessment-completion", { responsibilityBegins: d("2026-04-08") })).to.throw(/needs contactDate/);
    });
  });

  describe("fixed dates", () => {
    it("release: the day the county's responsibility begins itself", () => {
      // Sat 20 Jun 2026 stays; 14 days before = Sat 6 Jun → Fri 5 Jun 2026
      expect(due("release", { responsibilityBegins: d("2026-06-20") })).to.deep.equal({ due: "2026-06-20", warning: "2026-06-05" });
    });

    it("release-eve: the last working day before, back over weekends and holidays", () => {
      // Sun 15 Mar 2026 → Sat 14 → Fri 13 Mar 2026
      expect(due("release-eve", { responsibilityBegins: d("2026-03-15") })).to.deep.equal({ due: "2026-03-13" });
      // Tue 7 Apr 2026, after Easter: Mon 6 (Easter Monday), Sun 5, Sat 4, Fri 3 (Good Friday) → Thu 2 Apr
      expect(due("release-eve", { responsibilityBegins: d("2026-04-07") })).to.deep.equal({ due: "2026-04-02" });
      // Mon 28 Dec 2026: Sun 27, Sat 26 (Boxing Day), Fri 25 (Christmas), Thu 24 (Christmas Eve) → Wed 23 Dec
      expect(due("release-eve", { responsibilityBegins: d("2026-12-28") })).to.deep.equal({ due: "2026-12-23" });
    });

    it("assessment-start is capped by the last working day before release", () => {
      // Thu 5 Mar 2026 + 7 weekdays = Mon 16 Mar (Fri 6 (1), Mon 9–Fri 13 (2–6), Mon 16 (7)), after
      // the release on Sun 15 Mar; capped to Fri 13 Mar, warned 2 weekdays before, Wed 11 Mar
      expect(due("assessment-start", { contactDate: d("2026-03-05"), responsibilityBegins: d("2026-03-15") })).to.deep.equal({
        due: "2026-03-13",
        warning: "2026-03-11",
      });
    });

    it("plan-review: the agreed date, warned 5 weekdays before", () => {
      // Fri 19 Jun 2026 (Midsummer Eve) stays; back: Thu 18 (1), Wed 17, Tue 16, Mon 15 (4), Fri 12 (5)
      expect(due("plan-review", { planReviewDate: d("2026-06-19") })).to.deep.equal({ due: "2026-06-19", warning: "2026-06-12" });
    });

    it("urgent: the day of contact, weekend or not, without a warning", () => {
      expect(due("urgent", { contactDate: d("2026-06-20") })).to.deep.equal({ due: "2026-06-20" });
    });
  });
});
