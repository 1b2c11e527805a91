import { parseEngineDate } from "../../../lib/engine/engine-date.js";

/** An engine or ISO timestamp in Helsinki time, written the way `locale` writes it; "—" when there is none. */
export function formatTime(iso: string | null, locale: string): string {
  if (!iso) return "—";
  const at = parseEngineDate(iso);
  return at ? at.toLocaleString(locale, { timeZone: "Europe/Helsinki", dateStyle: "short", timeStyle: "short" }) : iso;
}
