import { z } from "zod";
import type { Database, Sql } from "./database.js";
import { Actor, CaseRef, Timestamp } from "./common.js";
import { parseInput } from "./validate.js";

export const PlanOwner = z.enum(["rise", "county"]);
export type PlanOwner = z.infer<typeof PlanOwner>;

const IsoDate = z.iso.date();
const ServiceKind = z.enum(["housing", "income", "substance-abuse", "mental-health", "health-care", "work-study", "identity", "ngo-peer"]);

export const PlanGoal = z.object({ area: ServiceKind, text: z.string().min(1) });
export const PlanService = z.object({
  kind: ServiceKind,
  provider: z.string().min(1).nullable(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  responsible: z.string().min(1).nullable(),
  continuesAfterRelease: z.boolean().default(false),
  continuationOf: z.literal("rise").optional(),
});
export const PlanContact = z.object({ role: z.string().min(1), name: z.string().min(1), phone: z.string().optional() });

/** The RISE sentence/release plan or the county client plan (the county's has a review date). */
export const PlanContent = z.object({
  releaseDate: IsoDate.nullable(),
  reviewDate: IsoDate.nullable().default(null),
  goals: z.array(PlanGoal).default([]),
  services: z.array(PlanService).default([]),
  contacts: z.array(PlanContact).default([]),
});
export type PlanContent = z.infer<typeof PlanContent>;

export const PlanVersion = z.object({
  caseRef: CaseRef,
  owner: PlanOwner,
  version: z.number().int().positive(),
  content: z.unknown(),
  savedBy: Actor,
  savedAt: Timestamp,
});
export type PlanVersion = z.infer<typeof PlanVersion>;

const SaveInput = z.object({ caseRef: CaseRef, owner: PlanOwner, savedBy: Actor, savedAt: z.date() });

const SELECT = "SELECT case_ref AS \"caseRef\", owner, version, content, saved_by AS \"savedBy\", saved_at AS \"savedAt\" FROM plan_versions";

export interface PlansRepository {
  /** appends a new version; earlier versions stay, with who saved them and when */
  save(caseRef: string, owner: PlanOwner, content: unknown, savedBy: string, savedAt: Date): Promise<{ version: number }>;
  latest(caseRef: string, owner: PlanOwner): Promise<PlanVersion | null>;
  /** every version, oldest first */
  history(caseRef: string, owner: PlanOwner): Promise<PlanVersion[]>;
}

export function plansRepository(db: Database): PlansRepository {
  const rows = async (sql: Sql, text: string, params: unknown[]) => (await sql.query(text, params)).map((r) => PlanVersion.parse(r));
  return {
    async save(caseRef, owner, content, savedBy, savedAt) {
      const input = parseInput(SaveInput, { caseRef, owner, savedBy, savedAt }, "plan");
      const checked = parseInput(PlanContent, content, `${input.owner} plan`);
      return db.transaction(async (tx) => {
        // Serialises concurrent saves of one plan so each gets the next version number.
        await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`plan:${input.caseRef}:${input.owner}`]);
        const [row] = await tx.query<{ version: number }>(
          `INSERT INTO plan_versions (case_ref, owner, version, content, saved_by, saved_at)
           SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5 FROM plan_versions WHERE case_ref = $1 AND owner = $2
           RETURNING version`,
          [input.caseRef, input.owner, JSON.stringify(checked), input.savedBy, input.savedAt],
        );
        return { version: row!.version };
      });
    },
    async latest(caseRef, owner) {
      const [row] = await rows(db, `${SELECT} WHERE case_ref = $1 AND owner = $2 ORDER BY version DESC LIMIT 1`, [caseRef, owner]);
      return row ?? null;
    },
    history: (caseRef, owner) => rows(db, `${SELECT} WHERE case_ref = $1 AND owner = $2 ORDER BY version`, [caseRef, owner]),
  };
}
