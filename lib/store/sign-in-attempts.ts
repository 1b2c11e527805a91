import { z } from "zod";
import type { Database } from "./database.js";
import { Timestamp } from "./common.js";
import { parseInput } from "./validate.js";

/** What is counted: `user:<name>` or `address:<ip>` (the web app's choice; any short text). */
const Key = z.string().min(1).max(500);
const Window = z.object({ now: z.date(), windowMs: z.number().int().positive() });

const Count = z.object({ hits: z.number().int(), windowEndsAt: Timestamp });
export type AttemptCount = z.infer<typeof Count>;

export interface SignInAttemptsRepository {
  /** counts one attempt against `key`: in its open window, or in a new one of `windowMs` from `now` */
  hit(key: string, now: Date, windowMs: number): Promise<AttemptCount>;
  /** takes one attempt back (the sign-in succeeded) while its window is open */
  undo(key: string, now: Date): Promise<void>;
  /** forgets the key's attempts */
  reset(key: string): Promise<void>;
}

export function signInAttemptsRepository(db: Database): SignInAttemptsRepository {
  return {
    async hit(key, now, windowMs) {
      const k = parseInput(Key, key, "sign-in attempt key");
      const w = parseInput(Window, { now, windowMs }, "sign-in attempt window");
      // one statement, so concurrent attempts from any process each count exactly once
      const [row] = await db.query(
        `INSERT INTO sign_in_attempts (key, hits, window_ends_at) VALUES ($1, 1, $3)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN sign_in_attempts.window_ends_at <= $2 THEN 1 ELSE sign_in_attempts.hits + 1 END,
           window_ends_at = CASE WHEN sign_in_attempts.window_ends_at <= $2 THEN EXCLUDED.window_ends_at ELSE sign_in_attempts.window_ends_at END
         RETURNING hits, window_ends_at AS "windowEndsAt"`,
        [k, w.now, new Date(w.now.getTime() + w.windowMs)],
      );
      // closed windows count for nothing: drop them, so guessed names do not pile up
      await db.query("DELETE FROM sign_in_attempts WHERE window_ends_at <= $1", [w.now]);
      return Count.parse(row);
    },
    async undo(key, now) {
      await db.query("UPDATE sign_in_attempts SET hits = GREATEST(hits - 1, 0) WHERE key = $1 AND window_ends_at > $2", [parseInput(Key, key, "sign-in attempt key"), now]);
    },
    async reset(key) {
      await db.query("DELETE FROM sign_in_attempts WHERE key = $1", [parseInput(Key, key, "sign-in attempt key")]);
    },
  };
}
