/*
 * Every expected date below was worked out by hand from a printed calendar of the month (the
 * weekday of each date read off the calendar, holidays from the Finnish almanac), counting as
 * the comment beside it shows, and not by running the code under test.
 */
import { expect } from "chai";
import {
  addMonths,
  addWorkingDays,
  dateOfInstant,
  dayOff,
  instantAt,
  isWorkingDay,
  onOrAfterWorkingDay,
  parseDate,
} from "../../workers/deadlines/calendar.js";

const d = parseDate;

describe("statutory calendar (150/1930)", () => {
  describe("days on which no period ends", () => {
    it("are the public holidays, May Day, Independence Day and the two eves, by date-holidays' names", () => {
      expect(dayOff(d("2026-04-03"))).to.equal("pitkäperjantai"); // Good Friday 2026
      expect(dayOff(d("2026-04-06"))).to.equal("toinen pääsiäispäivä"); // Easter Monday 2026
      expect(dayOff(d("2026-05-01"))).to.equal("vappu"); // May Day, a Friday in 2026
      expect(dayOff(d("2026-05-14"))).to.equal("helatorstai"); // Ascension Day: Easter + 39
      expect(dayOff(d("2026-06-19"))).to.equal("juhannusaatto"); // Midsummer Eve: Friday 19 June 2026
      expect(dayOff(d("2026-12-24"))).to.equal("jouluaatto"); // Christmas Eve, a Thursday in 2026
      expect(dayOff(d("2027-12-06"))).to.equal("itsenäisyyspäivä"); // Independence Day, a Monday in 2027
      expect(dayOff(d("2027-01-06"))).to.equal("loppiainen"); // Epiphany, a Wednesday in 2027
    });

    it("include weekends (Independence Day 2026 is a Sunday)", () => {
      expect(dayOff(d("2026-12-05"))).to.equal("Saturday");
      expect(dayOff(d("2026-12-06"))).to.equal("Sunday");
      expect(isWorkingDay(d("2026-12-07"))).to.equal(true); // Monday after
    });

    it("leave out New Year's Eve, which 150/1930 § 5 does not name, and ordinary weekdays", () => {
      expect(isWorkingDay(d("2026-12-31"))).to.equal(true); // Thursday
      expect(isWorkingDay(d("2026-04-02"))).to.equal(true); // Maundy Thursday
      expect(isWorkingDay(d("2026-06-18"))).to.equal(true); // the Thursday before Midsummer Eve
    });
  });

  describe("a period of months (§ 3)", () => {
    it("ends on the same-numbered day, or the last day of a month that has none", () => {
      expect(addMonths(d("2026-01-31"), 1)).to.equal("2026-02-28"); // 2026 not a leap year
      expect(addMonths(d("2028-01-31"), 1)).to.equal("2028-02-29"); // 2028 a leap year
      expect(addMonths(d("2024-01-31"), 1)).to.equal("2024-02-29"); // 2024 a leap year
      expect(addMonths(d("2100-01-31"), 1)).to.equal("2100-02-28"); // 2100: divisible by 100, not by 400
      expect(addMonths(d("2025-11-30"), 3)).to.equal("2026-02-28");
      expect(addMonths(d("2028-02-29"), 12)).to.equal("2029-02-28");
      expect(addMonths(d("2026-03-15"), 3)).to.equal("2026-06-15");
    });
  });

  describe("moving off a day off (§ 5)", () => {
    it("goes to the next working day", () => {
      expect(onOrAfterWorkingDay(d("2026-02-28"))).to.equal("2026-03-02"); // Sat → Mon
      expect(onOrAfterWorkingDay(d("2026-04-03"))).to.equal("2026-04-07"); // Good Fri, Sat, Easter Sun, Easter Mon → Tue
      expect(onOrAfterWorkingDay(d("2026-06-19"))).to.equal("2026-06-22"); // Midsummer Eve, Midsummer Day, Sun → Mon
      expect(onOrAfterWorkingDay(d("2026-12-24"))).to.equal("2026-12-28"); // Christmas Eve, Christmas, St Stephen's, Sun → Mon
      expect(onOrAfterWorkingDay(d("2026-05-01"))).to.equal("2026-05-04"); // May Day Fri, Sat, Sun → Mon
      expect(onOrAfterWorkingDay(d("2027-12-06"))).to.equal("2027-12-07"); // Independence Day Mon → Tue
      expect(onOrAfterWorkingDay(d("2026-03-18"))).to.equal("2026-03-18"); // a Wednesday stays
    });
  });

  describe("working days after a date (§ 2: the starting day not counted)", () => {
    it("counts an ordinary fortnight", () => {
      // Mon 2 Nov 2026: Tue 3 (1), Wed 4, Thu 5, Fri 6, Mon 9, Tue 10, Wed 11 (7)
      expect(addWorkingDays(d("2026-11-02"), 7)).to.equal("2026-11-11");
    });

    it("skips Christmas and New Year, but counts New Year's Eve", () => {
      // Mon 21 Dec 2026: Tue 22 (1), Wed 23 (2), [24, 25, 26, 27 off], Mon 28 (3), Tue 29 (4),
      // Wed 30 (5), Thu 31 (6), [Fri 1 Jan, 2, 3 off], Mon 4 Jan 2027 (7)
      expect(addWorkingDays(d("2026-12-21"), 7)).to.equal("2027-01-04");
      // Wed 23 Dec 2026: Mon 28 (1), Tue 29, Wed 30, Thu 31 (4), Mon 4 Jan (5), Tue 5 (6),
      // [Wed 6 Jan Epiphany off], Thu 7 Jan 2027 (7)
      expect(addWorkingDays(d("2026-12-23"), 7)).to.equal("2027-01-07");
    });

    it("skips Easter", () => {
      // Wed 1 Apr 2026: Thu 2 (1), [Fri 3, Sat 4, Sun 5, Mon 6 off], Tue 7 (2), Wed 8, Thu 9,
      // Fri 10 (5), Mon 13 (6), Tue 14 (7)
      expect(addWorkingDays(d("2026-04-01"), 7)).to.equal("2026-04-14");
    });

    it("skips Midsummer Eve and Ascension Day", () => {
      // Tue 16 Jun 2026: Wed 17 (1), Thu 18 (2), [Fri 19, Sat 20, Sun 21 off], Mon 22 (3) … Fri 26 (7)
      expect(addWorkingDays(d("2026-06-16"), 7)).to.equal("2026-06-26");
      // Mon 11 May 2026: Tue 12 (1), Wed 13 (2), [Thu 14 off], Fri 15 (3), Mon 18 … Thu 21 (7)
      expect(addWorkingDays(d("2026-05-11"), 7)).to.equal("2026-05-21");
    });

    it("starts from a day off as from any other day", () => {
      // Sat 20 Jun 2026 (Midsummer Day): Mon 22 (1) … Fri 26 (5), Mon 29 (6), Tue 30 (7)
      expect(addWorkingDays(d("2026-06-20"), 7)).to.equal("2026-06-30");
    });

    it("counts backwards for negative counts", () => {
      // from Mon 4 Jan 2027: [Sun 3, Sat 2, Fri 1 off], Thu 31 Dec (1), Wed 30 Dec (2)
      expect(addWorkingDays(d("2027-01-04"), -2)).to.equal("2026-12-30");
    });
  });

  describe("dates and instants in Helsinki", () => {
    it("reads the Helsinki date of an instant, not the UTC one", () => {
      expect(dateOfInstant(new Date("2026-03-28T22:30:00Z"))).to.equal("2026-03-29"); // 00:30 at UTC+2
      expect(dateOfInstant(new Date("2026-07-01T20:59:59Z"))).to.equal("2026-07-01"); // 23:59:59 at UTC+3
      expect(dateOfInstant(new Date("2026-07-01T21:00:00Z"))).to.equal("2026-07-02");
    });

    it("places a wall-clock time on either side of the daylight-saving changes", () => {
      // summer time begins 03:00 on Sun 29 Mar 2026 and ends 04:00 on Sun 25 Oct 2026
      expect(instantAt(d("2026-03-28"), { hour: 23, minute: 59, second: 59 }).toISOString()).to.equal("2026-03-28T21:59:59.000Z");
      expect(instantAt(d("2026-03-29"), { hour: 23, minute: 59, second: 59 }).toISOString()).to.equal("2026-03-29T20:59:59.000Z");
      expect(instantAt(d("2026-10-25"), { hour: 8 }).toISOString()).to.equal("2026-10-25T06:00:00.000Z");
    });
  });

  describe("parsing dates", () => {
    it("refuses dates that do not exist and text that is not a date", () => {
      expect(() => parseDate("2026-02-29")).to.throw(/not a date in the calendar/);
      expect(() => parseDate("2028-02-30")).to.throw(/not a date in the calendar/);
      expect(() => parseDate("1.2.2026")).to.throw(/YYYY-MM-DD/);
      expect(parseDate("2028-02-29")).to.equal("2028-02-29");
    });
  });
});
