import { z } from "zod";
import type { Database, Sql } from "./database.js";
import { AUDIT_CHAIN_LOCK, chainHash, GENESIS_HASH, verifyChain, type ChainReport } from "./audit-chain.js";
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
  /** appends one row to the chain; in a store transaction, it commits or rolls back with the rest */
  append(entry: AuditInput): Promise<AuditEntry>;
  /** entries matching every given filter, oldest first */
  query(filter: AuditQuery): Promise<AuditEntry[]>;
  /** recomputes the whole chain (audit-chain.ts) */
  verify(): Promise<ChainReport>;
}

const COLUMNS = `id::text AS id, actor, action, case_ref AS "caseRef", detail, at`;

/** Under the chain lock: the head's hash, a new id, and the row inserted with its link and hash. */
async function appendChained(tx: Sql, e: z.output<typeof AuditInput>): Promise<AuditEntry> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK]);
  const [head] = await tx.query<{ hash: string }>("SELECT hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1");
  const [next] = await tx.query<{ id: string }>("SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::text AS id");
  // the detail as it will come back from jsonb, so the hash is over what is stored
  const detail = JSON.parse(JSON.stringify(e.detail)) as Record<string, unknown>;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = chainHash(prevHash, { id: next!.id, at: e.at, actor: e.actor, action: e.action, caseRef: e.caseRef, detail });
  const [row] = await tx.query(
    `INSERT INTO audit_log (id, at, actor, action, case_ref, detail, prev_hash, hash) OVERRIDING SYSTEM VALUE
     VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [next!.id, e.at, e.actor, e.action, e.caseRef, JSON.stringify(detail), prevHash, hash],
  );
  return AuditEntry.parse(row);
}

export function auditRepository(db: Database): AuditRepository {
  return {
    async append(entry) {
      const e = parseInput(AuditInput, entry, "audit entry");
      return db.transaction((tx) => appendChained(tx, e));
    },
    async query(filter) {
      const f = parseInput(AuditQuery, filter, "audit query");
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM audit_log
         WHERE ($1::text IS NULL OR case_ref = $1) AND ($2::text IS NULL OR actor = $2)
           AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4)
         ORDER BY audit_log.at, audit_log.id LIMIT $5`,
        [f.caseRef ?? null, f.actor ?? null, f.from ?? null, f.to ?? null, f.limit],
      );
      return rows.map((r) => AuditEntry.parse(r));
    },
    verify: () => verifyChain(db),
  };
}
