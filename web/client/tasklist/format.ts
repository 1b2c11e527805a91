/** Dates as people read them in the chosen language. */
export function formatDate(iso: string | null, lang: string): string {
  if (!iso) return "";
  return new Date(iso).toLocaleDateString(lang === "en" ? "en-GB" : lang === "sv" ? "sv-FI" : "fi-FI");
}
