import { z } from "zod";
import type { Database } from "./database.js";
import { Actor, CaseRef } from "./common.js";
import { parseInput } from "./validate.js";
import { changeOf, ConsentInput, ConsentVersion } from "../consent/model.js";

const RecordInput = z.object({ caseRef: CaseRef, consent: ConsentInput, recordedBy: Actor, recordedAt: z.date() });

const SELECT = `SELECT case_ref AS "caseRef", version, change, grants, purpose, given_how AS "givenHow", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil",
  recorded_by AS "recordedBy", recorded_at AS "recordedAt" FROM consent_versions`;

export interface ConsentsRepository {
  /** records a new version of the case's consent (an empty grant list declines or withdraws everything); earlier versions stay */
  record(caseRef: string, consent: ConsentInput, recordedBy: string, recordedAt: Date): Promise<ConsentVersion>;
  /** the newest version, or null when none is recorded (whether it is still in force: model.ts grantsInForce) */
  current(caseRef: string): Promise<ConsentVersion | null>;
  /** every version, oldest first */
  history(caseRef: string): Promise<ConsentVersion[]>;
}

export function consentsRepository(db: Database): ConsentsRepository {
  const current = async (caseRef: string) => {
    const [row] = await db.query(`${SELECT} WHERE case_ref = $1 ORDER BY version DESC LIMIT 1`, [caseRef]);
    return row ? ConsentVersion.parse(row) : null;
  };
  return {
    async record(caseRef, consent, recordedBy, recordedAt) {
      const input = parseInput(RecordInput, { caseRef, consent, recordedBy, recordedAt }, "consent");
      const before = await current(input.caseRef);
      // two writers at once: the primary key refuses the second one's version number
      const [row] = await db.query(
        `INSERT INTO consent_versions (case_ref, version, change, grants, purpose, given_how, valid_until, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING case_ref AS "caseRef", version, change, grants, purpose, given_how AS "givenHow", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", recorded_by AS "recordedBy", recorded_at AS "recordedAt"`,
        [
          input.caseRef,
          (before?.version ?? 0) + 1,
          changeOf(before?.grants ?? null, input.consent.grants),
          JSON.stringify(input.consent.grants),
          input.consent.purpose,
          input.consent.givenHow,
          input.consent.validUntil,
          input.recordedBy,
          input.recordedAt,
        ],
      );
      return ConsentVersion.parse(row);
    },
    current,
    async history(caseRef) {
      return (await db.query(`${SELECT} WHERE case_ref = $1 ORDER BY version`, [caseRef])).map((r) => ConsentVersion.parse(r));
    },
  };
}
