import { expect } from "chai";
import { calendarInvitation } from "../../workers/notifications/calendar-invitation.js";
import { noticeId } from "../../workers/notifications/notice-id.js";
import { languageFor, render } from "../../workers/notifications/render.js";
import { Language, TemplateId } from "../../workers/notifications/templates/catalogue.js";

const link = "https://nivel.example/tasklist/cases/NIV-2026-000123";
const meetingFacts = { caseRef: "NIV-2026-000123", link, meetingStart: "7.12.2026 klo 10.00", meetingEnd: "7.12.2026 klo 11.30", meetingPlace: "Vantaan vankila, neuvotteluhuone 2" };

describe("notification templates", () => {
  it("exist for every template in Finnish, Swedish and English, each e-mail with the case reference and the link", () => {
    for (const language of Language.options) {
      for (const template of TemplateId.options) {
        const notice = render(template, language, meetingFacts);
        expect(notice.subject, `${language}/${template}`).to.contain("NIV-2026-000123");
        expect(notice.email, `${language}/${template}`).to.contain("NIV-2026-000123").and.contain(link);
        expect(notice.inbox, `${language}/${template}`).to.contain("NIV-2026-000123");
        for (const text of Object.values(notice)) expect(text).not.to.match(/\{\w+\}/);
      }
    }
  });

  it("differ by language", () => {
    const subjects = Language.options.map((l) => render("referral-received", l, meetingFacts).subject);
    expect(new Set(subjects).size).to.equal(3);
    expect(render("referral-received", "sv", meetingFacts).subject).to.equal("Ny kontakt: NIV-2026-000123");
  });

  it("keep meeting details in the inbox and out of the e-mail", () => {
    const notice = render("meeting-invitation", "fi", meetingFacts);
    expect(notice.inbox).to.contain("Vantaan vankila").and.contain("7.12.2026 klo 10.00");
    expect(notice.email + notice.subject).not.to.contain("Vantaan vankila");
    expect(notice.email + notice.subject).not.to.contain("10.00");
  });

  it("pick Finnish by default, Swedish for Swedish readers and English for anyone else", () => {
    expect([null, undefined, "fi", "sv", "en", "et"].map(languageFor)).to.deep.equal(["fi", "fi", "fi", "sv", "en", "en"]);
  });
});

describe("meeting calendar invitation", () => {
  it("is an iCalendar REQUEST with the meeting's UTC times, place, a stable uid and only the case reference as title", () => {
    const ics = calendarInvitation(
      { start: new Date("2026-12-07T08:00:00Z"), end: new Date("2026-12-07T09:30:00Z"), place: "Vantaan vankila" },
      "NIV-2026-000123",
      link,
      "pi-1/act-1/meeting-invitation/user:sw.nieminen/email",
      "Kutsu verkostotapaamiseen: NIV-2026-000123",
    );
    const unfolded = ics.replace(/\r\n[ \t]/g, "");
    expect(unfolded).to.match(/^BEGIN:VCALENDAR/);
    expect(unfolded).to.contain("METHOD:REQUEST");
    expect(unfolded).to.contain("DTSTART:20261207T080000Z");
    expect(unfolded).to.contain("DTEND:20261207T093000Z");
    expect(unfolded).to.contain("LOCATION:Vantaan vankila");
    expect(unfolded).to.contain(`UID:${noticeId("pi-1/act-1/meeting-invitation/user:sw.nieminen/email")}`);
    expect(unfolded).not.to.contain("sw.nieminen");
    expect(unfolded).to.contain("SUMMARY:Kutsu verkostotapaamiseen: NIV-2026-000123");
  });
});
