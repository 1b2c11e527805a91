import type { Catalogue } from "./catalogue.js";

const signIn = "Tiedot löytyvät Nivelestä kirjautumisen jälkeen: {link}";

/** what each limit is in law, for whom, or practice (workers/deadlines/rules.ts) */
const LIMITS = "Palvelutarpeen arvioinnin aloitus viimeistään 7. arkipäivänä on lakisääteinen vain yli 75-vuotiaille, ylintä hoitotukea saaville ja erityistä tukea tarvitseville lapsille (SHL 1301/2014 36 § 2 mom.); muiden aikuisten arviointi aloitetaan viipymättä, ja 7 arkipäivää on täällä sovittu käytäntö. Valmistuminen kolmessa kuukaudessa on lakisääteinen lapsille ja perheille (36 § 3 mom.), aikuisille täällä omaksuttu käytäntö. Vapautumiseen sidotut määräajat ovat sovittua käytäntöä.";
const RELEASE = "Palvelujen järjestäminen vapautumiseen on sovittua käytäntöä; hyvinvointialueen vastuu alkaa vapautumisesta tai valvotun koevapauden alusta (rikoslaki 2 c luku; laki valvotusta koevapaudesta 629/2013).";

export const fi: Catalogue = {
  "referral-received": {
    subject: "Uusi yhteydenotto: {caseRef}",
    email: `Asiassa {caseRef} on tullut uusi yhteydenotto sosiaalihuoltoon.\n\n${signIn}`,
    inbox: "Asiassa {caseRef} on tullut uusi yhteydenotto sosiaalihuoltoon. Palvelutarpeen arviointi on aloitettava määräajassa.",
  },
  "personal-worker-named": {
    subject: "Sinut on nimetty omatyöntekijäksi: {caseRef}",
    email: `Sinut on nimetty omatyöntekijäksi asiassa {caseRef}.\n\n${signIn}`,
    inbox: "Sinut on nimetty omatyöntekijäksi asiassa {caseRef}.",
  },
  "meeting-invitation": {
    subject: "Kutsu verkostotapaamiseen: {caseRef}",
    email: `Sinut on kutsuttu verkostotapaamiseen asiassa {caseRef}. Kalenterikutsu on liitteenä.\n\n${signIn}`,
    inbox: "Verkostotapaaminen asiassa {caseRef}: {meetingStart}–{meetingEnd}, {meetingPlace}.",
  },
  "deadline-approaching": {
    subject: "Määräaika lähestyy: {caseRef}",
    email: `Asian {caseRef} määräaika lähestyy.\n\n${signIn}`,
    inbox: `Asian {caseRef} määräaika lähestyy. Tarkista tehtävät. ${LIMITS}`,
  },
  "deadline-passed": {
    subject: "Määräaika ylittynyt: {caseRef}",
    email: `Asian {caseRef} määräaika on ylittynyt.\n\n${signIn}`,
    inbox: `Asian {caseRef} määräaika on ylittynyt. Asia vaatii esihenkilön huomiota. ${LIMITS}`,
  },
  "outcome-to-referrer": {
    subject: "Palvelutarpeen arvioinnin tulos: {caseRef}",
    email: `Tekemäsi yhteydenoton {caseRef} palvelutarpeen arviointi on valmistunut.\n\n${signIn}`,
    inbox: "Tekemäsi yhteydenoton {caseRef} palvelutarpeen arviointi on valmistunut. Tulos näkyy asian tiedoissa.",
  },
  "consent-changed": {
    subject: "Asiakkaan suostumus muuttui: {caseRef}",
    email: `Asiakas on perunut suostumuksensa tietojen luovutukseen asiassa {caseRef} kokonaan tai osittain.\n\n${signIn}`,
    inbox: "Asiakas on perunut suostumuksensa tietojen luovutukseen asiassa {caseRef} kokonaan tai osittain. Peruttuja tietoja ei enää näytetä toiselle organisaatiolle.",
  },
  "continuity-incomplete": {
    subject: "Palvelujatkumo kesken vapautumispäivänä: {caseRef}",
    email: `Asiassa {caseRef} kaikilla jatkuvilla palveluilla ei ole järjestäjää vapautumispäivälle.\n\n${signIn}`,
    inbox: `Asiassa {caseRef} kaikilla jatkuvilla palveluilla ei ole järjestäjää vapautumispäivälle. Tarkista suunnitelmien ristiriidat. ${RELEASE}`,
  },
  "plan-review-due": {
    subject: "Asiakassuunnitelman tarkistus: {caseRef}",
    email: `Asian {caseRef} asiakassuunnitelman sovittu tarkistusajankohta on käsillä.\n\n${signIn}`,
    inbox: "Asian {caseRef} asiakassuunnitelman sovittu tarkistusajankohta on käsillä.",
  },
};
