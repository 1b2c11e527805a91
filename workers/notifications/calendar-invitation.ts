import { createEvent } from "ics";
import { noticeId } from "./notice-id.js";

export interface Meeting {
  start: Date;
  end: Date;
  place: string;
}

/**
 * An iCalendar invitation (RFC 5545). The title names only the case reference, as the e-mail
 * that carries it does; the notice's stable id as `uid` makes a re-sent invitation update the same calendar entry.
 */
export function calendarInvitation(meeting: Meeting, caseRef: string, link: string, dedupeKey: string, title: string): string {
  const { error, value } = createEvent({
    uid: noticeId(dedupeKey),
    title,
    start: meeting.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: meeting.end.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    location: meeting.place,
    url: link,
    description: `${caseRef}: ${link}`,
    method: "REQUEST",
    productId: "nivel/notifications",
  });
  if (error || !value) throw new Error(`Could not build the calendar invitation: ${error?.message ?? "no output"}`);
  return value;
}
