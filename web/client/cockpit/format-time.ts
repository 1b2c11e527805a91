/** An engine or ISO timestamp as Finnish local time; "—" when there is none. */
export function formatTime(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString("fi-FI");
}
