// the server's own type: erased from the bundle, checked on both sides
import type { OpenTask } from "../../server/tasklist/case-view.js";
export type { OpenTask };

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
export interface CaseView {
  caseRef: string;
  processDefinitionName: string;
  clientName: string | null;
  steps: { name: string; endedAt: string; by: string | null }[];
  clocks: { name: string; due: string; daysLeft: number; passed: boolean }[];
  plans: Record<"rise" | "county" | "joint", PlanVersion | null>;
  /** the sides whose own plan is kept from this user: theirs reaches them only as the joint plan */
  plansWithheld: ("rise" | "county")[];
  network: { id: string; name: string; role: string; organisation: string | null }[];
  consent: { given: boolean; items: string[] } | null;
  openTasks: OpenTask[];
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
