import { createHash } from "node:crypto";
import type { Sql } from "./database.js";

/** The previous hash of the chain's first row. */
export const GENESIS_HASH = "0".repeat(64);

/** Any fixed number: every append to the audit log takes this advisory lock, so the chain stays one line across processes. */
export const AUDIT_CHAIN_LOCK = 7_245_302;

export interface ChainedContent {
  id: string;
  at: Date;
  actor: string;
  action: string;
  caseRef: string | null;
  detail: Record<string, unknown>;
}

/** JSON with every object's keys sorted, so the same content always hashes the same however it was built or stored. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** sha-256 over the previous row's hash and this row's canonical content (id, time, actor, action, case, detail). */
export function chainHash(prevHash: string, row: ChainedContent): string {
  const content = canonicalJson([row.id, row.at.toISOString(), row.actor, row.action, row.caseRef, row.detail]);
  return createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}

export type ChainReport =
  /** `head`: the last row's hash, which an operator can note down elsewhere to detect a rewritten log later */
  | { ok: true; rows: number; chained: number; unchainedBefore: number; head: string }
  | { ok: false; rows: number; brokenAt: string; reason: string };

interface StoredRow extends ChainedContent {
  prevHash: string | null;
  hash: string | null;
}

const BATCH = 1000;

/**
 * Walks the log in id order and recomputes every row's hash. Rows without a hash are allowed
 * only before the first chained one (written before migration 006). Names the first row whose
 * link or content does not match: a changed row fails on its own hash, a removed one on its
 * successor's link. A removed tail cannot be seen from the chain alone (docs/security.md).
 */
export async function verifyChain(db: Sql): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let rows = 0;
  let chained = 0;
  let unchainedBefore = 0;
  let after = "0";
  for (;;) {
    const batch = await db.query<StoredRow>(
      `SELECT id::text AS id, at, actor, action, case_ref AS "caseRef", detail, prev_hash AS "prevHash", hash
       FROM audit_log WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT $2`,
      [after, BATCH],
    );
    for (const row of batch) {
      rows += 1;
      after = row.id;
      if (row.hash === null || row.prevHash === null) {
        if (chained > 0) return { ok: false, rows, brokenAt: row.id, reason: "the row has no hash, though rows before it are chained" };
        unchainedBefore += 1;
        continue;
      }
      if (row.prevHash !== prev) return { ok: false, rows, brokenAt: row.id, reason: "its link does not match the row before it (a row was removed, inserted or changed before it)" };
      if (chainHash(prev, { ...row, at: new Date(row.at) }) !== row.hash) return { ok: false, rows, brokenAt: row.id, reason: "its content does not match its hash (the row was changed)" };
      prev = row.hash;
      chained += 1;
    }
    if (batch.length < BATCH) return { ok: true, rows, chained, unchainedBefore, head: prev };
  }
}
