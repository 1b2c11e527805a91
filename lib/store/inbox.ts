import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "./database.js";
import { Actor, CaseRef, Timestamp } from "./common.js";
import { parseInput } from "./validate.js";

export const InboxEntryInput = z.object({
  userId: Actor,
  caseRef: CaseRef,
  template: z.string().min(1).max(100),
  title: z.string().min(1).max(500),
  body: z.string().max(10_000),
  /** an app-relative link such as /tasks/123 */
  link: z.string().startsWith("/").max(2000).nullable().default(null),
  createdAt: z.date(),
});
export type InboxEntryInput = z.input<typeof InboxEntryInput>;

export const InboxEntry = InboxEntryInput.extend({ id: z.uuid(), createdAt: Timestamp, readAt: Timestamp.nullable() });
export type InboxEntry = z.infer<typeof InboxEntry>;

const COLUMNS = `id, user_id AS "userId", case_ref AS "caseRef", template, title, body, link, created_at AS "createdAt", read_at AS "readAt"`;

export interface InboxRepository {
  add(entry: InboxEntryInput): Promise<InboxEntry>;
  /** newest first */
  listFor(userId: string, options?: { unreadOnly?: boolean; limit?: number }): Promise<InboxEntry[]>;
  unreadCount(userId: string): Promise<number>;
  /** marks one of the user's own entries read; false when it is not theirs or was read already */
  markRead(userId: string, id: string, at: Date): Promise<boolean>;
}

export function inboxRepository(db: Database): InboxRepository {
  return {
    async add(entry) {
      const e = parseInput(InboxEntryInput, entry, "inbox entry");
      const [row] = await db.query(
        `INSERT INTO inbox (id, user_id, case_ref, template, title, body, link, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [randomUUID(), e.userId, e.caseRef, e.template, e.title, e.body, e.link, e.createdAt],
      );
      return InboxEntry.parse(row);
    },
    async listFor(userId, { unreadOnly = false, limit = 100 } = {}) {
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM inbox WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL) ORDER BY created_at DESC, id LIMIT $3`,
        [userId, unreadOnly, limit],
      );
      return rows.map((r) => InboxEntry.parse(r));
    },
    async unreadCount(userId) {
      const [row] = await db.query<{ n: number }>("SELECT count(*)::integer AS n FROM inbox WHERE user_id = $1 AND read_at IS NULL", [userId]);
      return row!.n;
    },
    async markRead(userId, id, at) {
      const rows = await db.query("UPDATE inbox SET read_at = $3 WHERE user_id = $1 AND id = $2 AND read_at IS NULL RETURNING id", [userId, id, at]);
      return rows.length > 0;
    },
  };
}
