import { z } from "zod";
import { unwrap, type EngineClient } from "../../../lib/engine/client.js";
import type { Store } from "../../../lib/store/index.js";
import { isRiseUnit, organisationOf } from "../../../lib/organisations/case-groups.js";
import { MUNICIPALITIES } from "../../../lib/organisations/municipalities.js";
import type { SignedInUser } from "../auth/user.js";
import { ApiProblem } from "../problems.js";
import { sideOf } from "./case-team.js";

/**
 * Who may start which pathway. Release preparation begins when a RISE officer identifies the need
 * for support (its first task, `ota-yhteytta`, is theirs); a joint assessment begins when a
 * referral or a request arrives, recorded by the RISE officer who makes it or by county intake
 * who receives it (its first task, `kirjaa-ilmoitus`, is intake's).
 */
export const STARTERS = {
  "release-preparation": ["rise-caseworker"],
  "joint-assessment": ["rise-caseworker", "county-intake"],
} as const satisfies Record<string, readonly string[]>;
export type StartablePathway = keyof typeof STARTERS;

export const PATHWAYS = ["release-preparation", "joint-assessment"] as const satisfies readonly StartablePathway[];

/** `referrerOrganisation` of docs/contracts.md. */
export const REFERRER_ORGANISATIONS = ["rise-prison", "rise-community-sanctions", "county", "client"] as const;

export function mayStart(user: Pick<SignedInUser, "groups">, pathway: string): boolean {
  const groups: readonly string[] | undefined = STARTERS[pathway as StartablePathway];
  return !!groups && groups.some((g) => user.groups.includes(g));
}

/**
 * The body of `POST /api/cases`. Every message names the rule in Finnish and English, as the
 * form validator's do (lib/forms/submission.ts); the tasklist shows its own text per field.
 */
export const NewCase = z.strictObject({
  pathway: z.enum(PATHWAYS, { message: `Polku on jokin näistä: ${PATHWAYS.join(", ")} / Pathway must be one of ${PATHWAYS.join(", ")}` }),
  clientName: z
    .string({ message: "Asiakkaan nimi puuttuu / Client name is required" })
    .trim()
    .min(2, "Vähintään 2 merkkiä / At least 2 characters")
    .max(200, "Enintään 200 merkkiä / At most 200 characters"),
  referrerOrganisation: z.enum(REFERRER_ORGANISATIONS, {
    message: `Ilmoittajataho on jokin näistä: ${REFERRER_ORGANISATIONS.join(", ")} / Referring organisation must be one of ${REFERRER_ORGANISATIONS.join(", ")}`,
  }),
  /** the client's home municipality, whose county the case belongs to */
  municipality: z
    .string({ message: "Kotikunta puuttuu / Home municipality is required" })
    .refine((code) => MUNICIPALITIES.some((m) => m.code === code), "Valitse kotikunta luettelosta / Choose the home municipality from the list"),
  /** the RISE unit, when the county starts the case (a RISE officer's case is their own unit's) */
  riseUnitId: z.string().refine(isRiseUnit, "Valitse Rikosseuraamuslaitoksen yksikkö luettelosta / Choose the RISE unit from the list").optional(),
});
export type NewCase = z.infer<typeof NewCase>;

const helsinkiYearFormat = new Intl.DateTimeFormat("en", { timeZone: "Europe/Helsinki", year: "numeric" });

/** The year in Finland at `now`: a case begun at 00:30 on New Year's Day in Helsinki is already next year's. */
export function helsinkiYear(now: Date): number {
  return Number(helsinkiYearFormat.format(now));
}

/**
 * How many references in a row may already name a case in the engine before giving up. The store's
 * sequence never repeats itself, but a store restored from an old backup, or a new one beside an
 * engine that kept its cases, starts the series again: those references belong to other clients.
 */
const MAX_TAKEN_REFERENCES = 100;

/** A case reference from the store that names no case the engine has, running or ended. */
export async function freshCaseRef(engine: EngineClient, store: Store, now: Date): Promise<string> {
  for (let i = 0; i < MAX_TAKEN_REFERENCES; i++) {
    const caseRef = await store.caseRefs.next(helsinkiYear(now));
    const { count } = unwrap(await engine.GET("/history/process-instance/count", { params: { query: { processInstanceBusinessKey: caseRef } } }));
    if (!count) return caseRef;
  }
  throw new Error(`The case reference series runs into existing cases ${MAX_TAKEN_REFERENCES} times in a row; advance the store's case_ref_numbers sequence.`);
}

const refused = (code: string, message: string) => new ApiProblem(400, "InvalidRequestException", code, message, { fields: [{ key: code === "rise-unit" ? "riseUnitId" : "municipality", message }] });

/**
 * The case's two organisations: the county of the client's home municipality and the RISE unit:
 * the starter's own when RISE starts it, the one chosen when the county does. County intake
 * starts cases of its own county's residents only; a case of another county is that county's.
 */
export function caseOrganisations(user: SignedInUser, input: NewCase): { countyId: string; riseUnitId: string } {
  const countyId = MUNICIPALITIES.find((m) => m.code === input.municipality)!.countyId;
  const organisation = organisationOf(user.groups);
  if (sideOf(user) === "rise") return { countyId, riseUnitId: organisation! };
  if (organisation !== countyId) {
    throw refused("other-county", "Kunta kuuluu toiseen hyvinvointialueeseen: sen asiakasohjaus aloittaa asian / The municipality belongs to another county, whose intake starts the case");
  }
  if (!input.riseUnitId) throw refused("rise-unit", "Valitse Rikosseuraamuslaitoksen yksikkö / Choose the RISE unit");
  return { countyId, riseUnitId: input.riseUnitId };
}

/**
 * Starts the pathway's latest version by key with `caseRef` (from freshCaseRef) as business key
 * and the start variables of docs/contracts.md.
 */
export async function startPathway(engine: EngineClient, caseRef: string, user: SignedInUser, input: NewCase, organisations: { countyId: string; riseUnitId: string }) {
  const started = unwrap(
    await engine.POST("/process-definition/key/{key}/start", {
      params: { path: { key: input.pathway } },
      body: {
        businessKey: caseRef,
        variables: {
          caseRef: { value: caseRef, type: "String" },
          clientName: { value: input.clientName, type: "String" },
          referrerUserId: { value: user.id, type: "String" },
          referrerOrganisation: { value: input.referrerOrganisation, type: "String" },
          countyId: { value: organisations.countyId, type: "String" },
          riseUnitId: { value: organisations.riseUnitId, type: "String" },
          ...(sideOf(user) === "rise" ? { riseWorkerId: { value: user.id, type: "String" } } : {}),
        },
      },
    }),
  );
  return { caseRef, processInstanceId: started.id! };
}
