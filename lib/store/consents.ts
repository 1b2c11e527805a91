import { z } from "zod";
import type { Database } from "./database.js";
import { Actor, CaseRef, Timestamp } from "./common.js";
import { parseInput } from "./validate.js";

/** What the client may allow to cross between RISE and the county (`consentItems`). */
export const ConsentItem = z.enum(["goals", "services", "release-date", "contacts"]);
export type ConsentItem = z.infer<typeof ConsentItem>;

export const Consent = z
  .object({ given: z.boolean(), items: z.array(ConsentItem) })
  .refine((c) => c.given || c.items.length === 0, { message: "a withdrawn consent shares no items", path: ["items"] });
export type Consent = z.infer<typeof Consent>;

export const ConsentRecord = z.object({
  caseRef: CaseRef,
  given: z.boolean(),
  items: z.array(ConsentItem),
  recordedBy: Actor,
  recordedAt: Timestamp,
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

const RecordInput = z.object({ caseRef: CaseRef, consent: Consent, recordedBy: Actor, recordedAt: z.date() });

const SELECT = 'SELECT case_ref AS "caseRef", given, items, recorded_by AS "recordedBy", recorded_at AS "recordedAt" FROM consent_events';

export interface ConsentsRepository {
  /** records a consent given or withdrawn; earlier records stay as history */
  record(caseRef: string, consent: Consent, recordedBy: string, recordedAt: Date): Promise<void>;
  /** the consent in force: the last one recorded */
  latest(caseRef: string): Promise<Consent | null>;
  /** every record, oldest first */
  history(caseRef: string): Promise<ConsentRecord[]>;
}

export function consentsRepository(db: Database): ConsentsRepository {
  return {
    async record(caseRef, consent, recordedBy, recordedAt) {
      const input = parseInput(RecordInput, { caseRef, consent, recordedBy, recordedAt }, "consent");
      await db.query("INSERT INTO consent_events (case_ref, given, items, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)", [
        input.caseRef,
        input.consent.given,
        JSON.stringify(input.consent.items),
        input.recordedBy,
        input.recordedAt,
      ]);
    },
    async latest(caseRef) {
      const [row] = await db.query(`${SELECT} WHERE case_ref = $1 ORDER BY id DESC LIMIT 1`, [caseRef]);
      if (!row) return null;
      const { given, items } = ConsentRecord.parse(row);
      return { given, items };
    },
    async history(caseRef) {
      return (await db.query(`${SELECT} WHERE case_ref = $1 ORDER BY id`, [caseRef])).map((r) => ConsentRecord.parse(r));
    },
  };
}
