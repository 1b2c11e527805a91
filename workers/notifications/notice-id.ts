import { createHash } from "node:crypto";

/**
 * A globally unique, opaque id for a notice, derived from its dedupe key: the same notice sent
 * again gets the same e-mail Message-ID and calendar UID, and the key's ids stay out of the mail.
 */
export function noticeId(dedupeKey: string): string {
  return `${createHash("sha256").update(dedupeKey).digest("hex").slice(0, 32)}@nivel.notifications`;
}
