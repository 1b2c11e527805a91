/** Formats an instant the way the engine's REST API takes dates: `yyyy-MM-dd'T'HH:mm:ss.SSSZ` in UTC (`+0000`, no colon). */
export function engineDate(instant: Date): string {
  return instant.toISOString().replace(/Z$/, "+0000");
}

/** Parses the engine's date format (`2026-12-07T00:00:00.000+0200`), which lacks the offset colon. */
export function parseEngineDate(value: unknown): Date | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
