import type { Catalogue } from "./catalogue.js";

const signIn = "The details are in Nivel after signing in: {link}";

/** what each limit is in law, for whom, or practice (workers/deadlines/rules.ts) */
const LIMITS = "Starting the service needs assessment by the 7th weekday is statutory only for people over 75, recipients of the highest care allowance and children needing special support (SHL 1301/2014 section 36(2)); for other adults the assessment starts without delay, and the 7 weekdays are the practice here. Completion within three months is statutory for children and families (section 36(3)) and the practice adopted here for adults. Limits tied to the release are agreed practice.";
const RELEASE = "Arranging the services for the release is agreed practice; the county's responsibility begins at release or at the start of supervised probationary freedom (Criminal Code chapter 2 c; Act 629/2013 on supervised probationary freedom).";

export const en: Catalogue = {
  "referral-received": {
    subject: "New referral: {caseRef}",
    email: `A new referral to social services has arrived in case {caseRef}.\n\n${signIn}`,
    inbox: "A new referral to social services has arrived in case {caseRef}. The service needs assessment must start within the time limit.",
  },
  "personal-worker-named": {
    subject: "You are the personal worker: {caseRef}",
    email: `You have been named the personal worker in case {caseRef}.\n\n${signIn}`,
    inbox: "You have been named the personal worker in case {caseRef}.",
  },
  "meeting-invitation": {
    subject: "Invitation to a network meeting: {caseRef}",
    email: `You are invited to a network meeting in case {caseRef}. The calendar invitation is attached.\n\n${signIn}`,
    inbox: "Network meeting in case {caseRef}: {meetingStart}–{meetingEnd}, {meetingPlace}.",
  },
  "deadline-approaching": {
    subject: "Deadline approaching: {caseRef}",
    email: `The deadline in case {caseRef} is approaching.\n\n${signIn}`,
    inbox: `The deadline in case {caseRef} is approaching. Check the open tasks. ${LIMITS}`,
  },
  "deadline-passed": {
    subject: "Deadline passed: {caseRef}",
    email: `The deadline in case {caseRef} has passed.\n\n${signIn}`,
    inbox: `The deadline in case {caseRef} has passed. The case needs a team lead's attention. ${LIMITS}`,
  },
  "outcome-to-referrer": {
    subject: "Outcome of the service needs assessment: {caseRef}",
    email: `The service needs assessment of your referral {caseRef} is complete.\n\n${signIn}`,
    inbox: "The service needs assessment of your referral {caseRef} is complete. The outcome is shown in the case.",
  },
  "consent-changed": {
    subject: "The client's consent has changed: {caseRef}",
    email: `The client has withdrawn their consent to share information in case {caseRef}, in whole or in part.\n\n${signIn}`,
    inbox: "The client has withdrawn their consent to share information in case {caseRef}, in whole or in part. What was withdrawn is no longer shown to the other organisation.",
  },
  "continuity-incomplete": {
    subject: "Service continuity incomplete on release day: {caseRef}",
    email: `In case {caseRef}, not every continuing service has a provider on the release day.\n\n${signIn}`,
    inbox: `In case {caseRef}, not every continuing service has a provider on the release day. Check the conflicts between the plans. ${RELEASE}`,
  },
  "plan-review-due": {
    subject: "Client plan review due: {caseRef}",
    email: `The agreed review date of the client plan in case {caseRef} has come.\n\n${signIn}`,
    inbox: "The agreed review date of the client plan in case {caseRef} has come.",
  },
};
