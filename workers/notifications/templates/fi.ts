import type { Catalogue } from "./catalogue.js";

const signIn = "Tiedot löytyvät Nivelestä kirjautumisen jälkeen: {link}";

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
    inbox: "Asian {caseRef} määräaika lähestyy. Tarkista tehtävät.",
  },
  "deadline-passed": {
    subject: "Määräaika ylittynyt: {caseRef}",
    email: `Asian {caseRef} määräaika on ylittynyt.\n\n${signIn}`,
    inbox: "Asian {caseRef} määräaika on ylittynyt. Asia vaatii esihenkilön huomiota.",
  },
  "outcome-to-referrer": {
    subject: "Palvelutarpeen arvioinnin tulos: {caseRef}",
    email: `Tekemäsi yhteydenoton {caseRef} palvelutarpeen arviointi on valmistunut.\n\n${signIn}`,
    inbox: "Tekemäsi yhteydenoton {caseRef} palvelutarpeen arviointi on valmistunut. Tulos näkyy asian tiedoissa.",
  },
  "continuity-incomplete": {
    subject: "Palvelujatkumo kesken vapautumispäivänä: {caseRef}",
    email: `Asiassa {caseRef} kaikilla jatkuvilla palveluilla ei ole järjestäjää vapautumispäivälle.\n\n${signIn}`,
    inbox: "Asiassa {caseRef} kaikilla jatkuvilla palveluilla ei ole järjestäjää vapautumispäivälle. Tarkista suunnitelmien ristiriidat.",
  },
  "plan-review-due": {
    subject: "Asiakassuunnitelman tarkistus: {caseRef}",
    email: `Asian {caseRef} asiakassuunnitelman sovittu tarkistusajankohta on käsillä.\n\n${signIn}`,
    inbox: "Asian {caseRef} asiakassuunnitelman sovittu tarkistusajankohta on käsillä.",
  },
};
