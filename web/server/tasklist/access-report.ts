import express from "express";
import { z } from "zod";
import type { EngineClient } from "../../../lib/engine/client.js";
import { organisationName, organisationOf } from "../../../lib/organisations/case-groups.js";
import type { Store } from "../../../lib/store/index.js";
import type { AuditEntry } from "../../../lib/store/audit.js";
import type { TeamMember } from "../../../lib/store/cases.js";
import { audit } from "../audit.js";
import { currentUser } from "../auth/user.js";
import { AccessDenied } from "../problems.js";
import { leadsCase } from "./case-team.js";

/**
 * The client's access report (Act 703/2023: the client's right to know who has read their data
 * and to whom it was disclosed): for one case, every read and every disclosure in the audit log,
 * with who, which organisation, when, what, and on what basis. For the case's team leads, as a
 * page and as CSV to hand to the client; reading it is itself audited.
 */
export interface ReportDeps {
  engine: EngineClient;
  store: Store;
  nameOf: (userId: string) => Promise<string>;
  groupsOf: (userId: string) => Promise<string[] | null>;
}

/** What each audited action was, as the report says it. */
const READS: Record<string, string> = {
  "case.read": "case-view",
  "task.read": "task-form",
  "cockpit.instance.read": "cockpit-instance",
  "case.access-report": "access-report",
};
const DISCLOSURES: Record<string, string> = {
  "case.transfer.accept": "transfer-to-county",
  "case.handover": "handover",
};

export type ReportRow = {
  at: string;
  kind: "read" | "disclosure";
  what: string;
  userId: string;
  name: string;
  organisation: string | null;
  /** the ground: the client relationship (on the team, the organisation's lead or intake), administration, the transfer, or the client's consent */
  basis: "client-relationship" | "team-lead" | "intake" | "administration" | "transfer" | "consent";
  /** what of the other organisation's data the read showed, by consent item (empty: only the reader's own side's) */
  items: string[];
  /** the consent version they crossed under */
  consentVersion: number | null;
};

const Crossed = z.object({ crossed: z.array(z.string()).min(1), consentVersion: z.number().int().nullable() });

const CaseRefParam = z.string().regex(/^NIV-\d{4}-\d{6}$/, "not a case reference");

function basisOf(entry: AuditEntry, groups: string[], stints: TeamMember[]): ReportRow["basis"] {
  if (entry.action === "case.transfer.accept") return "transfer";
  if (groups.includes("admin")) return "administration";
  const at = entry.at.getTime();
  const onTeam = stints.some((m) => m.userId === entry.actor && m.addedAt.getTime() <= at && (!m.endedAt || m.endedAt.getTime() >= at));
  if (onTeam) return "client-relationship";
  if (groups.includes("team-lead")) return "team-lead";
  return "intake";
}

export async function accessReport(deps: ReportDeps, caseRef: string): Promise<ReportRow[]> {
  const [entries, stints] = await Promise.all([deps.store.audit.query({ caseRef, limit: 10_000 }), deps.store.cases.teamHistory(caseRef)]);
  const relevant = entries.filter((e) => e.action in READS || e.action in DISCLOSURES).sort((a, b) => a.at.getTime() - b.at.getTime());
  const people = new Map<string, Promise<{ name: string; groups: string[] }>>();
  const person = (userId: string) => {
    if (!people.has(userId)) people.set(userId, Promise.all([deps.nameOf(userId), deps.groupsOf(userId)]).then(([name, groups]) => ({ name, groups: groups ?? [] })));
    return people.get(userId)!;
  };
  return Promise.all(
    relevant.map(async (e) => {
      const { name, groups } = await person(e.actor);
      const organisation = organisationOf(groups);
      // a read that showed the other organisation's data is a disclosure to the reader, on the consent
      const crossed = Crossed.safeParse(e.detail);
      return {
        at: e.at.toISOString(),
        kind: e.action in READS && !crossed.success ? ("read" as const) : ("disclosure" as const),
        what: READS[e.action] ?? DISCLOSURES[e.action]!,
        userId: e.actor,
        name,
        organisation: organisation ? organisationName(organisation)!.fi : null,
        basis: crossed.success ? ("consent" as const) : basisOf(e, groups, stints),
        items: crossed.success ? crossed.data.crossed : [],
        consentVersion: crossed.success ? crossed.data.consentVersion : null,
      };
    }),
  );
}

const csvCell = (value: string | null) => `"${(value ?? "").replace(/"/g, '""')}"`;

export function reportCsv(rows: ReportRow[]): string {
  const head = ["at", "kind", "what", "user", "name", "organisation", "basis", "items", "consent_version"];
  return (
    [head.join(","), ...rows.map((r) => [r.at, r.kind, r.what, r.userId, r.name, r.organisation, r.basis, r.items.join(" "), r.consentVersion === null ? "" : String(r.consentVersion)].map(csvCell).join(","))].join("\r\n") + "\r\n"
  );
}

export function accessReportRouter(deps: ReportDeps): express.Router {
  const router = express.Router();
  router.get("/cases/:caseRef/access-report", async (req, res) => {
    const caseRef = CaseRefParam.parse(req.params.caseRef);
    const record = await deps.store.cases.get(caseRef);
    if (!record || !leadsCase(currentUser(res), record)) throw new AccessDenied("case's access report", caseRef);
    const csv = req.query.format === "csv";
    const rows = await accessReport(deps, caseRef);
    await audit(res, "case.access-report", caseRef, { format: csv ? "csv" : "json", rows: rows.length });
    if (csv) {
      res.type("text/csv; charset=utf-8").attachment(`${caseRef}-access-report.csv`).send(reportCsv(rows));
    } else {
      res.json({ caseRef, rows });
    }
  });
  return router;
}
