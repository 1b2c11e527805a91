import { z } from "zod";
import type { Database } from "./database.js";
import { Actor, CaseRef, Timestamp } from "./common.js";
import { parseInput } from "./validate.js";

export const AuditInput = z.object({
  /** who: an engine user id or a worker's name */
  actor: Actor,
  /** what, as a dotted verb: `case.read`, `instance.cancel`, `plan.save` */
  action: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, "must be a dotted verb such as case.read"),
  caseRef: CaseRef.nullable().default(null),
  /** identifiers and outcomes only, never the client's data itself */
  detail: z.record(z.string(), z.json()).default({}),
  at: z.date(),
});
export type AuditInput = z.input<typeof AuditInput>;

export const AuditEntry = AuditInput.extend({ id: z.string(), at: Timestamp });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  caseRef: CaseRef.optional(),
  actor: Actor.optional(),
  /** inclusive */
  from: z.date().optional(),
  /** exclusive */
  to: z.date().optional(),
  limit: z.number().int().min(1).max(10_000).default(500),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export interface AuditRepository {
  append(entry: AuditInput): Promise<AuditEntry>;
  /** entries matching every given filter, oldest first */
  query(filter: AuditQuery): Promise<AuditEntry[]>;
}

const COLUMNS = `id::text AS id, actor, action, case_ref AS "caseRef", detail, at`;

export function auditRepository(db: Database): AuditRepository {
  return {
    async append(entry) {
      const e = parseInput(AuditInput, entry, "audit entry");
      const [row] = await db.query(
        `INSERT INTO audit_log (at, actor, action, case_ref, detail) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [e.at, e.actor, e.action, e.caseRef, JSON.stringify(e.detail)],
      );
      return AuditEntry.parse(row);
    },
    async query(filter) {
      const f = parseInput(AuditQuery, filter, "audit query");
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM audit_log
         WHERE ($1::text IS NULL OR case_ref = $1) AND ($2::text IS NULL OR actor = $2)
           AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4)
         ORDER BY at, id LIMIT $5`,
        [f.caseRef ?? null, f.actor ?? null, f.from ?? null, f.to ?? null, f.limit],
      );
      return rows.map((r) => AuditEntry.parse(r));
    },
  };
}
