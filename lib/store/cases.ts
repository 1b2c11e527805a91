import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "./database.js";
import { Actor, CaseRef, Timestamp } from "./common.js";
import { parseInput } from "./validate.js";

/**
 * Which organisations a case belongs to, who is on its team, and its moves between counties
 * (issue #11; the rules that read them are web/server/tasklist/case-team.ts).
 */
const OrganisationId = z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, "not an organisation id");
const Side = z.enum(["county", "rise"]);
export const TeamRole = z.enum(["rise-worker", "personal-worker", "worker"]);
export type TeamRole = z.infer<typeof TeamRole>;

export const CaseRecord = z.object({
  caseRef: CaseRef,
  pathway: z.string().min(1),
  countyId: OrganisationId,
  riseUnitId: OrganisationId,
  municipality: z.string().regex(/^\d{3}$/, "a three-digit municipality code"),
  startedBy: Actor,
  startedAt: Timestamp,
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const TeamMember = z.object({
  caseRef: CaseRef,
  userId: Actor,
  side: Side,
  role: TeamRole,
  addedBy: Actor,
  addedAt: Timestamp,
  endedBy: Actor.nullable(),
  endedAt: Timestamp.nullable(),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const Transfer = z.object({
  id: z.uuid(),
  caseRef: CaseRef,
  fromCountyId: OrganisationId,
  toCountyId: OrganisationId,
  municipality: z.string(),
  requestedBy: Actor,
  requestedAt: Timestamp,
  state: z.enum(["pending", "accepted"]),
  decidedBy: Actor.nullable(),
  decidedAt: Timestamp.nullable(),
});
export type Transfer = z.infer<typeof Transfer>;

const CASE = `case_ref AS "caseRef", pathway, county_id AS "countyId", rise_unit_id AS "riseUnitId", municipality, started_by AS "startedBy", started_at AS "startedAt"`;
const MEMBER = `case_ref AS "caseRef", user_id AS "userId", side, role, added_by AS "addedBy", added_at AS "addedAt", ended_by AS "endedBy", ended_at AS "endedAt"`;
const TRANSFER = `id, case_ref AS "caseRef", from_county_id AS "fromCountyId", to_county_id AS "toCountyId", municipality, requested_by AS "requestedBy", requested_at AS "requestedAt", state, decided_by AS "decidedBy", decided_at AS "decidedAt"`;

const NewMember = z.object({ caseRef: CaseRef, userId: Actor, side: Side, role: TeamRole, by: Actor, at: z.date() });

export interface CasesRepository {
  create(record: CaseRecord): Promise<void>;
  get(caseRef: string): Promise<CaseRecord | null>;
  /** the team as it stands now (members who have not left), oldest first */
  team(caseRef: string): Promise<TeamMember[]>;
  /** every stint on the team, left ones too: the access report's who-could-read */
  teamHistory(caseRef: string): Promise<TeamMember[]>;
  /** adds the user unless already on the team; a worker who becomes the personal worker takes that role */
  join(caseRef: string, userId: string, side: "county" | "rise", role: TeamRole, by: string, at: Date): Promise<void>;
  /** ends the user's stint; true when they were on the team */
  leave(caseRef: string, userId: string, by: string, at: Date): Promise<boolean>;
  /** ends every current stint on one side (a transfer ends the sending county's team) */
  leaveSide(caseRef: string, side: "county" | "rise", by: string, at: Date): Promise<string[]>;
  /** the references of the cases the user is on the team of now, with their side */
  casesOf(userId: string): Promise<{ caseRef: string; side: "county" | "rise" }[]>;
  setCounty(caseRef: string, countyId: string, municipality: string): Promise<void>;
  requestTransfer(input: { caseRef: string; fromCountyId: string; toCountyId: string; municipality: string; by: string; at: Date }): Promise<Transfer>;
  transfer(id: string): Promise<Transfer | null>;
  pendingTransfer(caseRef: string): Promise<Transfer | null>;
  /** pending transfers into the county, oldest first */
  incomingTransfers(countyId: string): Promise<Transfer[]>;
  /** marks the transfer accepted; false when it was no longer pending */
  acceptTransfer(id: string, by: string, at: Date): Promise<boolean>;
}

export function casesRepository(db: Database): CasesRepository {
  return {
    async create(record) {
      const c = parseInput(CaseRecord, record, "case");
      await db.query(
        "INSERT INTO cases (case_ref, pathway, county_id, rise_unit_id, municipality, started_by, started_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        [c.caseRef, c.pathway, c.countyId, c.riseUnitId, c.municipality, c.startedBy, c.startedAt],
      );
    },
    async get(caseRef) {
      const [row] = await db.query(`SELECT ${CASE} FROM cases WHERE case_ref = $1`, [caseRef]);
      return row ? CaseRecord.parse(row) : null;
    },
    async team(caseRef) {
      return (await db.query(`SELECT ${MEMBER} FROM case_team WHERE case_ref = $1 AND ended_at IS NULL ORDER BY id`, [caseRef])).map((r) => TeamMember.parse(r));
    },
    async teamHistory(caseRef) {
      return (await db.query(`SELECT ${MEMBER} FROM case_team WHERE case_ref = $1 ORDER BY id`, [caseRef])).map((r) => TeamMember.parse(r));
    },
    async join(caseRef, userId, side, role, by, at) {
      const m = parseInput(NewMember, { caseRef, userId, side, role, by, at }, "team member");
      const [current] = await db.query(`SELECT id, role FROM case_team WHERE case_ref = $1 AND user_id = $2 AND ended_at IS NULL`, [m.caseRef, m.userId]);
      if (current) {
        // a named role outranks having worked a task; a named one is not demoted by a claim
        if (m.role !== "worker" && current.role !== m.role) await db.query("UPDATE case_team SET role = $2 WHERE id = $1", [current.id, m.role]);
        return;
      }
      await db.query("INSERT INTO case_team (case_ref, user_id, side, role, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6)", [m.caseRef, m.userId, m.side, m.role, m.by, m.at]);
    },
    async leave(caseRef, userId, by, at) {
      const rows = await db.query("UPDATE case_team SET ended_by = $3, ended_at = $4 WHERE case_ref = $1 AND user_id = $2 AND ended_at IS NULL RETURNING id", [caseRef, userId, by, at]);
      return rows.length > 0;
    },
    async leaveSide(caseRef, side, by, at) {
      const rows = await db.query("UPDATE case_team SET ended_by = $3, ended_at = $4 WHERE case_ref = $1 AND side = $2 AND ended_at IS NULL RETURNING user_id AS \"userId\"", [caseRef, side, by, at]);
      return rows.map((r) => String(r.userId));
    },
    async casesOf(userId) {
      const rows = await db.query(`SELECT case_ref AS "caseRef", side FROM case_team WHERE user_id = $1 AND ended_at IS NULL ORDER BY case_ref`, [userId]);
      return rows.map((r) => z.object({ caseRef: z.string(), side: Side }).parse(r));
    },
    async setCounty(caseRef, countyId, municipality) {
      await db.query("UPDATE cases SET county_id = $2, municipality = $3 WHERE case_ref = $1", [caseRef, countyId, municipality]);
    },
    async requestTransfer({ caseRef, fromCountyId, toCountyId, municipality, by, at }) {
      const [row] = await db.query(
        `INSERT INTO case_transfers (id, case_ref, from_county_id, to_county_id, municipality, requested_by, requested_at, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending') RETURNING ${TRANSFER}`,
        [randomUUID(), caseRef, fromCountyId, toCountyId, municipality, by, at],
      );
      return Transfer.parse(row);
    },
    async transfer(id) {
      if (!z.uuid().safeParse(id).success) return null;
      const [row] = await db.query(`SELECT ${TRANSFER} FROM case_transfers WHERE id = $1`, [id]);
      return row ? Transfer.parse(row) : null;
    },
    async pendingTransfer(caseRef) {
      const [row] = await db.query(`SELECT ${TRANSFER} FROM case_transfers WHERE case_ref = $1 AND state = 'pending'`, [caseRef]);
      return row ? Transfer.parse(row) : null;
    },
    async incomingTransfers(countyId) {
      return (await db.query(`SELECT ${TRANSFER} FROM case_transfers WHERE to_county_id = $1 AND state = 'pending' ORDER BY requested_at`, [countyId])).map((r) =>
        Transfer.parse(r),
      );
    },
    async acceptTransfer(id, by, at) {
      const rows = await db.query("UPDATE case_transfers SET state = 'accepted', decided_by = $2, decided_at = $3 WHERE id = $1 AND state = 'pending' RETURNING id", [id, by, at]);
      return rows.length > 0;
    },
  };
}
