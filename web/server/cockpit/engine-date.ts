/** Parses the engine's date format (`2026-12-07T00:00:00.000+0200`), which lacks the offset colon. */
export function parseEngineDate(value: unknown): Date | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Formats a date the way the engine expects Date variables: `yyyy-MM-dd'T'HH:mm:ss.SSSZ` in UTC. */
export function engineDate(date: Date): string {
  return date.toISOString().replace("Z", "+0000");
}
