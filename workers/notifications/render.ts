import { en } from "./templates/en.js";
import type { Catalogue, Language, TemplateId } from "./templates/catalogue.js";
import { fi } from "./templates/fi.js";
import { sv } from "./templates/sv.js";

const CATALOGUES: Record<Language, Catalogue> = { fi, sv, en };

/** Everything an e-mail may say about a case: its reference and where to read more. */
export interface EmailFacts {
  caseRef: string;
  link: string;
}

/** Read behind sign-in, so it may say more than an e-mail. */
export interface InboxFacts extends EmailFacts {
  meetingStart?: string;
  meetingEnd?: string;
  meetingPlace?: string;
}

export interface RenderedNotice {
  subject: string;
  email: string;
  inbox: string;
}

/**
 * The notice in the recipient's language. The e-mail parts are filled from `EmailFacts` alone,
 * so no other fact can reach an e-mail even if a template asked for it.
 */
export function render(template: TemplateId, language: Language, facts: InboxFacts): RenderedNotice {
  const wording = CATALOGUES[language][template];
  const emailFacts: EmailFacts = { caseRef: facts.caseRef, link: facts.link };
  return {
    subject: fill(wording.subject, emailFacts),
    email: fill(wording.email, emailFacts),
    inbox: fill(wording.inbox, facts),
  };
}

function fill(text: string, facts: object): string {
  const values = facts as Record<string, string | undefined>;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "–");
}

/** Finnish unless the recipient reads Swedish or has asked for something else (then English). */
export function languageFor(preference: string | null | undefined): Language {
  if (!preference || preference === "fi") return "fi";
  return preference === "sv" ? "sv" : "en";
}
