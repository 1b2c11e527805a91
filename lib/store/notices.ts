import { z } from "zod";
import type { Database } from "./database.js";
import { Timestamp } from "./common.js";
import { parseInput } from "./validate.js";

/**
 * The outcome of claiming a notice's dedupe key: `claimed` (deliver, then markSent, or release
 * on a certain failure), `sent` (already delivered: do nothing), `busy` (another delivery holds
 * a recent claim: try again later).
 */
export type Claim = "claimed" | "sent" | "busy";

const NoticeKey = z.string().min(1).max(500);

export const Notice = z.object({
  key: NoticeKey,
  state: z.enum(["pending", "sent"]),
  createdAt: Timestamp,
  claimedAt: Timestamp,
  sentAt: Timestamp.nullable(),
});
export type Notice = z.infer<typeof Notice>;

export interface NoticesRepository {
  /**
   * Atomically: a new key becomes pending (claimed); a pending key claimed before `staleBefore`
   * (its claimant presumably died) is taken over; a younger pending key is busy; a sent key stays sent.
   */
  claim(key: string, now: Date, staleBefore?: Date): Promise<Claim>;
  markSent(key: string, now: Date): Promise<void>;
  /** gives up a claim whose delivery failed for certain, so a retry can claim it again */
  release(key: string): Promise<void>;
  get(key: string): Promise<Notice | null>;
}

export function noticesRepository(db: Database): NoticesRepository {
  return {
    async claim(key, now, staleBefore = new Date(0)) {
      const k = parseInput(NoticeKey, key, "notice key");
      // One statement, so the unique key arbitrates concurrent claims: a conflicting insert waits
      // for the winner's commit, then finds its claim too young to take over and returns nothing.
      const [row] = await db.query<{ claimed: boolean; state: string | null }>(
        `WITH claimed AS (
           INSERT INTO notices (key, state, created_at, claimed_at) VALUES ($1, 'pending', $2, $2)
           ON CONFLICT (key) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
             WHERE notices.state = 'pending' AND notices.claimed_at < $3
           RETURNING key
         )
         SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, (SELECT state FROM notices WHERE key = $1) AS state`,
        [k, now, staleBefore],
      );
      if (row!.claimed) return "claimed";
      // The statement's snapshot may predate a concurrent winner's row: not sent, so busy.
      return row!.state === "sent" ? "sent" : "busy";
    },
    async markSent(key, now) {
      const rows = await db.query("UPDATE notices SET state = 'sent', sent_at = $2 WHERE key = $1 RETURNING key", [key, now]);
      if (rows.length === 0) throw new Error("markSent: the notice was never claimed");
    },
    async release(key) {
      await db.query("DELETE FROM notices WHERE key = $1 AND state = 'pending'", [key]);
    },
    async get(key) {
      const [row] = await db.query(
        'SELECT key, state, created_at AS "createdAt", claimed_at AS "claimedAt", sent_at AS "sentAt" FROM notices WHERE key = $1',
        [key],
      );
      return row ? Notice.parse(row) : null;
    },
  };
}
