import { parseEngineDate } from "../../../lib/engine/engine-date.js";

/** An engine or ISO timestamp as Finnish local time; "—" when there is none. */
export function formatTime(iso: string | null): string {
  if (!iso) return "—";
  return parseEngineDate(iso)?.toLocaleString("fi-FI") ?? iso;
}
