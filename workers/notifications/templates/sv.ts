import type { Catalogue } from "./catalogue.js";

const signIn = "Uppgifterna finns i Nivel efter inloggning: {link}";

/** what each limit is in law, for whom, or practice (workers/deadlines/rules.ts) */
const LIMITS = "Att bedömningen av servicebehovet inleds senast den 7:e vardagen är lagstadgat endast för personer över 75 år, för dem som får det högsta vårdbidraget och för barn i behov av särskilt stöd (SHL 1301/2014 36 § 2 mom.); för andra vuxna inleds bedömningen utan dröjsmål, och 7 vardagar är praxis här. Att bedömningen blir klar inom tre månader är lagstadgat för barn och familjer (36 § 3 mom.), för vuxna praxis här. Tidsfrister knutna till frigivningen är överenskommen praxis.";
const RELEASE = "Att ordna tjänsterna till frigivningen är överenskommen praxis; välfärdsområdets ansvar börjar vid frigivningen eller när den övervakade provfriheten börjar (strafflagen 2 c kap.; lagen om övervakad provfrihet 629/2013).";

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
    inbox: `Tidsfristen i ärende {caseRef} närmar sig. Kontrollera uppgifterna. ${LIMITS}`,
  },
  "deadline-passed": {
    subject: "Tidsfristen har överskridits: {caseRef}",
    email: `Tidsfristen i ärende {caseRef} har överskridits.\n\n${signIn}`,
    inbox: `Tidsfristen i ärende {caseRef} har överskridits. Ärendet kräver förmannens uppmärksamhet. ${LIMITS}`,
  },
  "outcome-to-referrer": {
    subject: "Resultat av servicebehovsbedömningen: {caseRef}",
    email: `Servicebehovsbedömningen för din kontakt {caseRef} är klar.\n\n${signIn}`,
    inbox: "Servicebehovsbedömningen för din kontakt {caseRef} är klar. Resultatet syns i ärendets uppgifter.",
  },
  "consent-changed": {
    subject: "Klientens samtycke har ändrats: {caseRef}",
    email: `Klienten har helt eller delvis återkallat sitt samtycke till utlämnande av uppgifter i ärendet {caseRef}.\n\n${signIn}`,
    inbox: "Klienten har helt eller delvis återkallat sitt samtycke till utlämnande av uppgifter i ärendet {caseRef}. De återkallade uppgifterna visas inte längre för den andra organisationen.",
  },
  "continuity-incomplete": {
    subject: "Servicekedjan ofullständig på frigivningsdagen: {caseRef}",
    email: `I ärende {caseRef} har inte alla fortsatta tjänster en anordnare på frigivningsdagen.\n\n${signIn}`,
    inbox: `I ärende {caseRef} har inte alla fortsatta tjänster en anordnare på frigivningsdagen. Kontrollera konflikterna mellan planerna. ${RELEASE}`,
  },
  "plan-review-due": {
    subject: "Granskning av klientplanen: {caseRef}",
    email: `Den överenskomna tidpunkten för granskning av klientplanen i ärende {caseRef} har kommit.\n\n${signIn}`,
    inbox: "Den överenskomna tidpunkten för granskning av klientplanen i ärende {caseRef} har kommit.",
  },
};
