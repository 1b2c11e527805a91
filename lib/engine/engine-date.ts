/** Formats an instant the way the engine's REST API takes dates: `yyyy-MM-dd'T'HH:mm:ss.SSSZ` in UTC (`+0000`, no colon). */
export function engineDate(instant: Date): string {
  return instant.toISOString().replace(/Z$/, "+0000");
}
