import type { Catalogue } from "./catalogue.js";

const signIn = "The details are in Nivel after signing in: {link}";

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
    inbox: "The deadline in case {caseRef} is approaching. Check the open tasks.",
  },
  "deadline-passed": {
    subject: "Deadline passed: {caseRef}",
    email: `The deadline in case {caseRef} has passed.\n\n${signIn}`,
    inbox: "The deadline in case {caseRef} has passed. The case needs a team lead's attention.",
  },
  "outcome-to-referrer": {
    subject: "Outcome of the service needs assessment: {caseRef}",
    email: `The service needs assessment of your referral {caseRef} is complete.\n\n${signIn}`,
    inbox: "The service needs assessment of your referral {caseRef} is complete. The outcome is shown in the case.",
  },
  "continuity-incomplete": {
    subject: "Service continuity incomplete on release day: {caseRef}",
    email: `In case {caseRef}, not every continuing service has a provider on the release day.\n\n${signIn}`,
    inbox: "In case {caseRef}, not every continuing service has a provider on the release day. Check the conflicts between the plans.",
  },
  "plan-review-due": {
    subject: "Client plan review due: {caseRef}",
    email: `The agreed review date of the client plan in case {caseRef} has come.\n\n${signIn}`,
    inbox: "The agreed review date of the client plan in case {caseRef} has come.",
  },
};
