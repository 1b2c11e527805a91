import type { NotificationStore } from "./notification-store.js";
import { RetryLater } from "../shared/task-failure.js";

/**
 * Delivers a notice at most once per dedupe key, and at least once unless the worker dies in
 * the narrow window after the channel accepted it and before `markSent` is written.
 *
 * The key is claimed before delivering. A claim left pending by a crashed worker is taken over
 * only once it is older than the task lock (`staleAfterMs`): by then the engine has handed the
 * task to someone else anyway. That takeover re-delivers, because nothing records whether the
 * SMTP server accepted the message in that window; we prefer a rare duplicate (with the same
 * Message-ID) to a lost notice. A failure the channel reports releases the claim for the retry.
 */
export async function deliverOnce(
  ledger: NotificationStore["notices"],
  key: string,
  clock: () => Date,
  staleAfterMs: number,
  deliver: () => Promise<void>,
): Promise<"delivered" | "already-sent"> {
  const now = clock();
  const claim = await ledger.claim(key, now, new Date(now.getTime() - staleAfterMs));
  if (claim === "sent") return "already-sent";
  if (claim === "busy") throw new RetryLater(`Notice ${key} is being delivered by another attempt; retrying later`, staleAfterMs);
  try {
    await deliver();
  } catch (error) {
    await ledger.release(key);
    throw error;
  }
  await ledger.markSent(key, clock());
  return "delivered";
}
