// the server's own types: erased from the bundle, checked on both sides
import type { ConsentVersion, Grant } from "../../../lib/consent/model.js";
import type { OpenTask } from "../../server/tasklist/case-view.js";
import type { teamView } from "../../server/tasklist/team-router.js";
import type { ReportRow } from "../../server/tasklist/access-report.js";
export type AccessReportRow = ReportRow;
export type { OpenTask };
/** The case's organisations and team, and what the viewer may do about them. */
export type TeamView = NonNullable<Awaited<ReturnType<typeof teamView>>>;
type Named = { fi: string; sv: string };
/** GET /api/organisations */
export interface Organisations {
  counties: { id: string; name: Named }[];
  riseUnits: { id: string; name: Named }[];
  municipalities: { code: string; name: Named; countyId: string }[];
}
/** GET /api/transfers: transfers into the user's county, naming no case until accepted */
export interface IncomingTransfer {
  id: string;
  fromCounty: Named | null;
  municipality: Named | null;
  pathway: string | null;
  requestedAt: string;
  mayAccept: boolean;
}

/** What the tasklist API answers (web/server/tasklist/router.ts). */
export interface Me {
  id: string;
  name: string;
  groups: string[];
  csrfToken: string;
  /** the language the user chose, also that of their notices; null until they choose */
  language?: string | null;
}
export interface TaskSummary {
  id: string;
  name: string;
  caseRef: string | null;
  pathway: string | null;
  assignee: string | null;
  due: string | null;
  overdue: boolean;
}
export interface TaskDetail {
  id: string;
  name: string;
  assignee: string | null;
  due: string | null;
  caseRef: string | null;
  form: { components: unknown[] };
  data: Record<string, unknown>;
}
export interface PlanVersion {
  version: number;
  savedAt: string;
  content: { goals?: { text?: string; title?: string }[] } & Record<string, unknown>;
}
/** The joint plan as the server derives it for this viewer (workers/plans/reconcile.ts). */
export interface JointPlan {
  status: string;
  joint: { shared: string[]; goals: { area: string; rise: string[]; county: string[] }[] | null };
  conflicts: unknown[];
}
export type { ConsentVersion, Grant } from "../../../lib/consent/model.js";
/** GET /api/cases/:caseRef/consent */
export interface ConsentPage {
  caseRef: string;
  items: string[];
  recipients: string[];
  network: { id: string; name: string; role: string }[];
  current: ConsentVersion | null;
  inForce: Grant[];
  history: ConsentVersion[];
}
export interface CaseView {
  caseRef: string;
  processDefinitionName: string;
  clientName: string | null;
  steps: { name: string; endedAt: string; by: string | null }[];
  clocks: { name: string; due: string; daysLeft: number; passed: boolean }[];
  plans: { rise: PlanVersion | null; county: PlanVersion | null; joint: JointPlan | null };
  /** the sides whose own plan is kept from this user: theirs reaches them only as the joint plan */
  plansWithheld: ("rise" | "county")[];
  network: { id: string; name: string; role: string; organisation: string | null }[];
  /** the newest consent version, and what of the other side's data this view shows by it */
  consent: ConsentVersion | null;
  crossed: string[];
  /** an incident holds the case until an admin has seen to it */
  waitsForSupport: boolean;
  openTasks: OpenTask[];
  /** null for a case Nivel did not start (no organisations recorded) */
  team: TeamView | null;
}
export interface Pathway {
  key: string;
  name: string;
  /** the user may start a case on it */
  startable: boolean;
}
export interface StartedCase {
  caseRef: string;
  processInstanceId: string;
}
export interface InboxEntry {
  id: string;
  caseRef: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
