import type { Request } from "express";
import { nivelPage } from "./shell.js";

/** The pages (not their APIs) a browser may be refused: it gets words, not the API's JSON. */
const PAGES = /^\/(cockpit|modeler)\/?$/;

const WORDS = {
  401: [
    ["fi", "Kirjaudu ensin sisään.", "Kirjaudu sisään"],
    ["sv", "Logga in först.", "Logga in"],
    ["en", "Sign in first.", "Sign in"],
  ],
  403: [
    ["fi", "Tämä sivu on vain sen ryhmän jäsenille, jolle se on tarkoitettu (ylläpito tai prosessien omistajat).", "Omiin tehtäviin"],
    ["sv", "Den här sidan är bara för medlemmar i den grupp den är avsedd för (underhåll eller processägare).", "Till mina uppgifter"],
    ["en", "This page is only for members of the group it is meant for (administrators or process owners).", "To my tasks"],
  ],
} as const;

/**
 * A refused page load in a browser (it asks for HTML first), as a page in Finnish, Swedish and
 * English with a way on; null for everything else, which gets the JSON answer.
 */
export function refusalPage(req: Request, status: number): string | null {
  if (req.method !== "GET" || !PAGES.test(req.originalUrl.split("?")[0]!)) return null;
  if (req.accepts(["json", "html"]) !== "html") return null;
  if (status !== 401 && status !== 403) return null;
  const parts = WORDS[status].map(([lang, text, link]) => `<section lang="${lang}"><p>${text}</p><p><a href="/">${link}</a></p></section>`).join("\n");
  return nivelPage(`<main>
<h1>Nivel</h1>
${parts}
</main>`);
}
