import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "./database.js";
import { Actor, CaseRef, Timestamp } from "./common.js";
import { parseInput } from "./validate.js";

export const NetworkMemberInput = z.object({
  caseRef: CaseRef,
  name: z.string().trim().min(1).max(200),
  /** the member's role, e.g. "peer expert" or "housing counsellor" */
  role: z.string().trim().min(1).max(200),
  organisation: z.string().trim().min(1).max(200).nullable().default(null),
  /** null: reached some other way, never by e-mail */
  email: z.email().nullable().default(null),
  language: z.enum(["fi", "sv", "en"]),
  kind: z.enum(["ngo", "peer", "relative", "public-service"]),
});
export type NetworkMemberInput = z.input<typeof NetworkMemberInput>;

export const NetworkMember = NetworkMemberInput.extend({
  id: z.uuid(),
  addedBy: Actor,
  addedAt: Timestamp,
});
export type NetworkMember = z.infer<typeof NetworkMember>;

const COLUMNS = `id, case_ref AS "caseRef", name, role, organisation, email, language, kind, added_by AS "addedBy", added_at AS "addedAt"`;

export interface NetworkRepository {
  add(member: NetworkMemberInput, addedBy: string, addedAt: Date): Promise<NetworkMember>;
  /** the client's own network on the case, in the order they were added */
  membersOf(caseRef: string): Promise<NetworkMember[]>;
  /** true when the member was on the case */
  remove(caseRef: string, id: string): Promise<boolean>;
}

export function networkRepository(db: Database): NetworkRepository {
  return {
    async add(member, addedBy, addedAt) {
      const input = parseInput(NetworkMemberInput, member, "network member");
      const by = parseInput(z.object({ addedBy: Actor, addedAt: z.date() }), { addedBy, addedAt }, "network member");
      const [row] = await db.query(
        `INSERT INTO network_members (id, case_ref, name, role, organisation, email, language, kind, added_by, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING ${COLUMNS}`,
        [randomUUID(), input.caseRef, input.name, input.role, input.organisation, input.email, input.language, input.kind, by.addedBy, by.addedAt],
      );
      return NetworkMember.parse(row);
    },
    async membersOf(caseRef) {
      return (await db.query(`SELECT ${COLUMNS} FROM network_members WHERE case_ref = $1 ORDER BY added_at, id`, [caseRef])).map((r) => NetworkMember.parse(r));
    },
    async remove(caseRef, id) {
      return (await db.query("DELETE FROM network_members WHERE case_ref = $1 AND id = $2 RETURNING id", [caseRef, id])).length > 0;
    },
  };
}
