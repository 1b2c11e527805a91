import type { Client, Task } from "camunda-external-task-client-js";
import type { EngineClient } from "../../lib/engine/client.js";
import { calendarInvitation } from "./calendar-invitation.js";
import { deliverOnce } from "./deliver-once.js";
import { smtpTransport, type MailTransport } from "./mail-transport.js";
import type { NotificationStore } from "./notification-store.js";
import { NotifyVariables } from "./notify-variables.js";
import { parseRecipients, resolveRecipients } from "./recipients.js";
import { consentedRecipients } from "./consented-recipients.js";
import { render, type InboxFacts } from "./render.js";
import type { Language } from "./templates/catalogue.js";
import { readVariables, type RetryPolicy } from "../shared/task-failure.js";
import { subscribeOptions, taskHandler, type TaskFilter } from "../shared/task-handler.js";

export const NOTIFY_TOPIC = "notify";

export interface NotificationDeps {
  /** the engine's REST API: users, groups and their e-mail addresses */
  engine: EngineClient;
  store: NotificationStore;
  /** SMTP server (smtp:// or smtps://); without it notices go to the in-app inbox only */
  smtpUrl?: string;
  /** sender address of the e-mails */
  mailFrom: string;
  /** the web app's public address, for the link in every notice */
  appUrl: string;
  /**
   * the lock duration of the `client`'s subscriptions: a claim left pending for this long
   * belongs to a worker that lost the task, and is taken over
   */
  lockDuration: number;
  filter?: TaskFilter;
  clock?: () => Date;
  retry?: RetryPolicy;
  /** lines without client data; default console.log */
  log?: (line: string) => void;
}

/** Subscribes the `notify` topic: in-app inbox and e-mail, each notice exactly once per recipient. */
export function subscribeNotifications(client: Client, deps: NotificationDeps): void {
  const log = deps.log ?? ((line: string) => console.log(line));
  const mail = deps.smtpUrl ? smtpTransport(deps.smtpUrl, deps.mailFrom) : undefined;
  if (!mail) log("notifications: no SMTP_URL, so notices go to the in-app inbox only, no e-mail");
  client.subscribe(NOTIFY_TOPIC, subscribeOptions(deps.filter, deps.lockDuration), taskHandler(notifier({ ...deps, log, mail }), { log, retry: deps.retry }));
}

type HandlerDeps = NotificationDeps & { log: (line: string) => void; mail: MailTransport | undefined };

function notifier(deps: HandlerDeps) {
  const clock = deps.clock ?? (() => new Date());
  const directory = {
    engine: deps.engine,
    networkOf: (caseRef: string) => deps.store.network.membersOf(caseRef),
    languageOf: (userId: string) => deps.store.preferences.languageOf(userId),
  };

  return async function notify(task: Task): Promise<undefined> {
    const v = readVariables(task, NotifyVariables);
    const named = await resolveRecipients(parseRecipients(v.to), v, directory);
    // nobody left once the consent is applied is not an error: the notice is simply not the others' to have
    const recipients = await consentedRecipients(deps.engine, v.template, named, await deps.store.consents.current(v.caseRef), clock());
    const casePath = `/tasklist/cases/${encodeURIComponent(v.caseRef)}`;
    const link = `${deps.appUrl.replace(/\/+$/, "")}${casePath}`;
    const meeting =
      v.template === "meeting-invitation" && v.meetingStart && v.meetingEnd && v.meetingPlace
        ? { start: v.meetingStart, end: v.meetingEnd, place: v.meetingPlace }
        : undefined;
    const notices = recipients.map((recipient) => ({
      recipient,
      key: `${task.processInstanceId}/${task.activityInstanceId}/${v.template}/${recipient.key}`,
      notice: render(v.template, recipient.language, inboxFacts(v.caseRef, link, meeting, recipient.language)),
    }));
    // the inbox first: a mail server being away must not hold back the in-app notices
    for (const { recipient, key, notice } of notices) {
      const userId = recipient.userId;
      if (!userId) continue;
      await deliverOnce(deps.store.notices, `${key}/inbox`, clock, deps.lockDuration, () =>
        deps.store.inbox
          .add({ userId, caseRef: v.caseRef, template: v.template, title: notice.subject, body: notice.inbox, link: casePath, createdAt: clock() })
          .then(() => undefined),
      );
    }
    const mail = deps.mail;
    if (!mail) return;
    for (const { recipient, key, notice } of notices) {
      const to = recipient.email;
      if (!to) continue;
      await deliverOnce(deps.store.notices, `${key}/email`, clock, deps.lockDuration, () =>
        mail.send({
          to,
          subject: notice.subject,
          text: notice.email,
          dedupeKey: `${key}/email`,
          calendar: meeting && { filename: "invitation.ics", content: calendarInvitation(meeting, v.caseRef, link, `${key}/email`, notice.subject) },
        }),
      );
    }
  };
}

const LOCALES: Record<Language, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

function inboxFacts(caseRef: string, link: string, meeting: { start: Date; end: Date; place: string } | undefined, language: Language): InboxFacts {
  if (!meeting) return { caseRef, link };
  const format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Helsinki" });
  return { caseRef, link, meetingStart: format.format(meeting.start), meetingEnd: format.format(meeting.end), meetingPlace: meeting.place };
}
