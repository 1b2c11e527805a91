import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Database } from "./database.js";
import { Actor, Timestamp } from "./common.js";
import { parseInput } from "./validate.js";

export const SessionInput = z.object({
  userId: Actor,
  groups: z.array(z.string().min(1)),
  createdAt: z.date(),
  expiresAt: z.date(),
}).refine((s) => s.expiresAt > s.createdAt, { message: "must be after createdAt", path: ["expiresAt"] });
export type SessionInput = z.input<typeof SessionInput>;

export const Session = z.object({
  userId: Actor,
  groups: z.array(z.string()),
  csrfToken: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
export type Session = z.infer<typeof Session>;

/** Only the token's hash is stored, so a leaked database backup holds no usable session. */
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

const COLUMNS = `user_id AS "userId", groups, csrf_token AS "csrfToken", created_at AS "createdAt", expires_at AS "expiresAt"`;

export interface SessionsRepository {
  /** a new session; `token` goes in the cookie and is never stored */
  create(input: SessionInput): Promise<{ token: string; session: Session }>;
  /** the session for a cookie token, unless it has expired by `now` */
  get(token: string, now: Date): Promise<Session | null>;
  /** extends a live session (sliding expiry); false when it is gone or expired */
  touch(token: string, now: Date, expiresAt: Date): Promise<boolean>;
  delete(token: string): Promise<void>;
  /** removes sessions expired by `now`; returns how many */
  purgeExpired(now: Date): Promise<number>;
}

export function sessionsRepository(db: Database): SessionsRepository {
  return {
    async create(input) {
      const s = parseInput(SessionInput, input, "session");
      const token = newToken();
      const [row] = await db.query(
        `INSERT INTO sessions (id_hash, user_id, groups, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [hashToken(token), s.userId, JSON.stringify(s.groups), newToken(), s.createdAt, s.expiresAt],
      );
      return { token, session: Session.parse(row) };
    },
    async get(token, now) {
      const [row] = await db.query(`SELECT ${COLUMNS} FROM sessions WHERE id_hash = $1 AND expires_at > $2`, [hashToken(token), now]);
      return row ? Session.parse(row) : null;
    },
    async touch(token, now, expiresAt) {
      const rows = await db.query("UPDATE sessions SET expires_at = $3 WHERE id_hash = $1 AND expires_at > $2 RETURNING id_hash", [hashToken(token), now, expiresAt]);
      return rows.length > 0;
    },
    async delete(token) {
      await db.query("DELETE FROM sessions WHERE id_hash = $1", [hashToken(token)]);
    },
    async purgeExpired(now) {
      return (await db.query("DELETE FROM sessions WHERE expires_at <= $1 RETURNING id_hash", [now])).length;
    },
  };
}
