import type { Catalogue } from "./catalogue.js";

const signIn = "Uppgifterna finns i Nivel efter inloggning: {link}";

export const sv: Catalogue = {
  "referral-received": {
    subject: "Ny kontakt: {caseRef}",
    email: `I ärende {caseRef} har en ny kontakt till socialvården kommit in.\n\n${signIn}`,
    inbox: "I ärende {caseRef} har en ny kontakt till socialvården kommit in. Bedömningen av servicebehovet ska inledas inom tidsfristen.",
  },
  "personal-worker-named": {
    subject: "Du har utsetts till egen kontaktperson: {caseRef}",
    email: `Du har utsetts till egen kontaktperson i ärende {caseRef}.\n\n${signIn}`,
    inbox: "Du har utsetts till egen kontaktperson i ärende {caseRef}.",
  },
  "meeting-invitation": {
    subject: "Inbjudan till nätverksmöte: {caseRef}",
    email: `Du har bjudits in till ett nätverksmöte i ärende {caseRef}. Kalenderinbjudan finns som bilaga.\n\n${signIn}`,
    inbox: "Nätverksmöte i ärende {caseRef}: {meetingStart}–{meetingEnd}, {meetingPlace}.",
  },
  "deadline-approaching": {
    subject: "Tidsfristen närmar sig: {caseRef}",
    email: `Tidsfristen i ärende {caseRef} närmar sig.\n\n${signIn}`,
    inbox: "Tidsfristen i ärende {caseRef} närmar sig. Kontrollera uppgifterna.",
  },
  "deadline-passed": {
    subject: "Tidsfristen har överskridits: {caseRef}",
    email: `Tidsfristen i ärende {caseRef} har överskridits.\n\n${signIn}`,
    inbox: "Tidsfristen i ärende {caseRef} har överskridits. Ärendet kräver förmannens uppmärksamhet.",
  },
  "outcome-to-referrer": {
    subject: "Resultat av servicebehovsbedömningen: {caseRef}",
    email: `Servicebehovsbedömningen för din kontakt {caseRef} är klar.\n\n${signIn}`,
    inbox: "Servicebehovsbedömningen för din kontakt {caseRef} är klar. Resultatet syns i ärendets uppgifter.",
  },
  "continuity-incomplete": {
    subject: "Servicekedjan ofullständig på frigivningsdagen: {caseRef}",
    email: `I ärende {caseRef} har inte alla fortsatta tjänster en anordnare på frigivningsdagen.\n\n${signIn}`,
    inbox: "I ärende {caseRef} har inte alla fortsatta tjänster en anordnare på frigivningsdagen. Kontrollera konflikterna mellan planerna.",
  },
  "plan-review-due": {
    subject: "Granskning av klientplanen: {caseRef}",
    email: `Den överenskomna tidpunkten för granskning av klientplanen i ärende {caseRef} har kommit.\n\n${signIn}`,
    inbox: "Den överenskomna tidpunkten för granskning av klientplanen i ärende {caseRef} har kommit.",
  },
};
