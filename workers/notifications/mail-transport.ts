import nodemailer from "nodemailer";
import { noticeId } from "./notice-id.js";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** the notice's dedupe key: gives a stable Message-ID, so a re-sent notice is recognisably the same one */
  dedupeKey: string;
  calendar?: { filename: string; content: string };
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

/** E-mail through the SMTP server of `smtpUrl` (smtp:// or smtps://, credentials in the URL). */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: `<${noticeId(mail.dedupeKey)}>`,
        attachments: mail.calendar
          ? [{ filename: mail.calendar.filename, content: mail.calendar.content, contentType: "text/calendar; method=REQUEST; charset=utf-8" }]
          : [],
      });
      if (info.rejected.length > 0) throw new Error(`The mail server refused the recipient of notice ${mail.dedupeKey}`);
    },
  };
}
