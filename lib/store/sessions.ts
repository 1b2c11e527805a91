import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Database } from "./database.js";
import { Actor, Timestamp } from "./common.js";
import { parseInput } from "./validate.js";

export const SessionInput = z
  .object({
    userId: Actor,
    groups: z.array(z.string().min(1)),
    createdAt: z.date(),
    /** the idle expiry, which use slides forward */
    expiresAt: z.date(),
    /** the end however much the session is used */
    absoluteExpiresAt: z.date(),
  })
  .refine((s) => s.expiresAt > s.createdAt, { message: "must be after createdAt", path: ["expiresAt"] })
  .refine((s) => s.absoluteExpiresAt >= s.expiresAt, { message: "must not be before expiresAt", path: ["absoluteExpiresAt"] });
export type SessionInput = z.input<typeof SessionInput>;

export const Session = z.object({
  userId: Actor,
  groups: z.array(z.string()),
  csrfToken: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  absoluteExpiresAt: Timestamp,
  /** when the user's existence and groups were last confirmed by the engine */
  checkedAt: Timestamp,
});
export type Session = z.infer<typeof Session>;

/** Who is signed in: a user's live sessions, for the admins' view. */
export const SignedInUserSessions = z.object({ userId: Actor, sessions: z.number().int(), lastSignIn: Timestamp });
export type SignedInUserSessions = z.infer<typeof SignedInUserSessions>;

/** Only the token's hash is stored, so a leaked database backup holds no usable session. */
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

const COLUMNS = `user_id AS "userId", groups, csrf_token AS "csrfToken", created_at AS "createdAt", expires_at AS "expiresAt",
  absolute_expires_at AS "absoluteExpiresAt", checked_at AS "checkedAt"`;
const LIVE = "expires_at > $2 AND absolute_expires_at > $2";

export interface SessionsRepository {
  /** a new session, checked as of `createdAt`; `token` goes in the cookie and is never stored */
  create(input: SessionInput): Promise<{ token: string; session: Session }>;
  /** the session for a cookie token, unless it has expired (idle or absolute) by `now` */
  get(token: string, now: Date): Promise<Session | null>;
  /** extends a live session's idle expiry, never past its absolute end; false when it is gone or expired */
  touch(token: string, now: Date, expiresAt: Date): Promise<boolean>;
  /** records a re-check: the groups the engine gives the user now, as of `checkedAt` */
  recheck(token: string, groups: string[], checkedAt: Date): Promise<void>;
  delete(token: string): Promise<void>;
  /** ends every session of the user; returns how many were live at `now` */
  endAllOf(userId: string, now: Date): Promise<number>;
  /** the users with live sessions at `now`, most recent sign-in first */
  signedIn(now: Date): Promise<SignedInUserSessions[]>;
  /** removes sessions expired by `now`; returns how many */
  purgeExpired(now: Date): Promise<number>;
}

export function sessionsRepository(db: Database): SessionsRepository {
  return {
    async create(input) {
      const s = parseInput(SessionInput, input, "session");
      const token = newToken();
      const [row] = await db.query(
        `INSERT INTO sessions (id_hash, user_id, groups, csrf_token, created_at, expires_at, absolute_expires_at, checked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $5) RETURNING ${COLUMNS}`,
        [hashToken(token), s.userId, JSON.stringify(s.groups), newToken(), s.createdAt, s.expiresAt, s.absoluteExpiresAt],
      );
      return { token, session: Session.parse(row) };
    },
    async get(token, now) {
      const [row] = await db.query(`SELECT ${COLUMNS} FROM sessions WHERE id_hash = $1 AND ${LIVE}`, [hashToken(token), now]);
      return row ? Session.parse(row) : null;
    },
    async touch(token, now, expiresAt) {
      const rows = await db.query(
        `UPDATE sessions SET expires_at = LEAST($3, absolute_expires_at) WHERE id_hash = $1 AND ${LIVE} RETURNING id_hash`,
        [hashToken(token), now, expiresAt],
      );
      return rows.length > 0;
    },
    async recheck(token, groups, checkedAt) {
      const g = parseInput(z.array(z.string().min(1)), groups, "groups");
      await db.query("UPDATE sessions SET groups = $2, checked_at = GREATEST(checked_at, $3) WHERE id_hash = $1", [hashToken(token), JSON.stringify(g), checkedAt]);
    },
    async delete(token) {
      await db.query("DELETE FROM sessions WHERE id_hash = $1", [hashToken(token)]);
    },
    async endAllOf(userId, now) {
      const id = parseInput(Actor, userId, "user id");
      const rows = await db.query<{ live: boolean }>(
        "DELETE FROM sessions WHERE user_id = $1 RETURNING (expires_at > $2 AND absolute_expires_at > $2) AS live",
        [id, now],
      );
      return rows.filter((r) => r.live).length;
    },
    async signedIn(now) {
      const rows = await db.query(
        `SELECT user_id AS "userId", count(*)::integer AS sessions, max(created_at) AS "lastSignIn"
         FROM sessions WHERE expires_at > $1 AND absolute_expires_at > $1 GROUP BY user_id ORDER BY max(created_at) DESC, user_id`,
        [now],
      );
      return rows.map((r) => SignedInUserSessions.parse(r));
    },
    async purgeExpired(now) {
      return (await db.query("DELETE FROM sessions WHERE expires_at <= $1 OR absolute_expires_at <= $1 RETURNING id_hash", [now])).length;
    },
  };
}
