import { api } from "./api.js";
import { h } from "./dom.js";

/**
 * The user's language for the cockpit and the modeler, kept as the tasklist keeps it: on this
 * device under `nivel-language` (the same key, so a choice made in one page holds in the others)
 * and on the server through `PUT /api/me/language`, whose answer `GET /api/me` gives back.
 */
export type Language = "fi" | "sv" | "en";
export const LANGUAGE_NAMES: Record<Language, string> = { fi: "Suomi", sv: "Svenska", en: "English" };
const KEY = "nivel-language";

const isLanguage = (value: unknown): value is Language => typeof value === "string" && value in LANGUAGE_NAMES;

/** This device's choice, Finnish when there is none. */
export function storedLanguage(): Language {
  const stored = localStorage.getItem(KEY);
  return isLanguage(stored) ? stored : "fi";
}

/** The language saved on the server wins over this device's once per page load, as in the tasklist. */
export function adoptServerLanguage(serverLanguage: unknown): Language | null {
  if (!isLanguage(serverLanguage)) return null;
  localStorage.setItem(KEY, serverLanguage);
  return serverLanguage;
}

/** Saves a choice on this device and, when signed in, on the server (where the notices read it). */
export async function chooseLanguage(language: Language, signedIn: boolean): Promise<void> {
  localStorage.setItem(KEY, language);
  document.documentElement.lang = language;
  // should saving fail, this device still keeps the choice
  if (signedIn) await api("/api/me/language", { method: "PUT", body: { language } }).catch(() => undefined);
}

/** The language select of a page's top bar, labelled in the language shown. */
export function languageSelect(current: Language, label: string, onChange: (language: Language) => void): HTMLElement {
  const select = h(
    "select",
    { id: "language", onchange: (e) => onChange((e.target as HTMLSelectElement).value as Language) },
    ...Object.entries(LANGUAGE_NAMES).map(([code, name]) => h("option", { value: code, lang: code, selected: code === current }, name)),
  );
  return h("span", { class: "language" }, h("label", { for: "language" }, label), select);
}

/** The pathways' names as the tasklist gives them; the cockpit and the modeler show any other by its deployed name. */
const PATHWAY_NAMES: Record<Language, Record<string, string>> = {
  fi: { "release-preparation": "Vapautumisen valmistelu", "joint-assessment": "Yhteinen palvelutarpeen arviointi" },
  sv: { "release-preparation": "Förberedelse inför frigivningen", "joint-assessment": "Gemensam bedömning av servicebehovet" },
  en: { "release-preparation": "Release preparation", "joint-assessment": "Joint service needs assessment" },
};

export function pathwayName(language: Language, key: string, deployedName?: string | null): string {
  return PATHWAY_NAMES[language][key] ?? (deployedName || key);
}
