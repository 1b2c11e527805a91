import type { GroupId } from "../../lib/engine/demo-users.js";
import type { RouteInfo } from "./route-list.js";

/**
 * How a caller stands towards a case: the columns of the access matrix
 * (test/security/access-matrix.test.ts). `own`: they have a part in it (they are on its team, a
 * task of it waits on their county's intake, or they lead one of its organisations);
 * `same-org`: a case of their own organisation they have no part in; `other-org`: a case of
 * another county and RISE unit. A team lead has a part in every case of their organisation.
 */
export const CASE_RELATIONS = ["own", "same-org", "other-org"] as const;
export type CaseRelation = (typeof CASE_RELATIONS)[number];

export interface RoutePolicy {
  /** who may call it at all: anyone (signed out too), any signed-in user, or members of these groups */
  who: "anyone" | "signed-in" | readonly GroupId[];
  /**
   * what it reaches: nothing of any case, the one case its address names (a task, an instance, an
   * incident or an inbox entry belongs to its case), or a list of cases
   */
  reach: "nothing" | "case" | "list";
  /**
   * the cases it may reach or list, by the caller's relation to them, and so the only cases its
   * answers may name (by reference or client): `any` for the admins' views, none for `nothing`
   */
  cases: "any" | readonly CaseRelation[];
  /** the answer to a signed-in caller outside `who` or `cases` (a signed-out one always gets 401) */
  refusal: 403 | 404;
  /** only callers of this side (their organisation's: a county or a RISE unit) */
  side?: "county" | "rise";
  /** a team lead reaches every case of their organisation through it, on a team or not */
  leads?: true;
  /** why, in a few words, for the reader of this table */
  why: string;
}

const staff: RoutePolicy["who"] = "signed-in";
const admins = ["admin"] as const;
/** the roles that work cases inside an organisation (a case team's members and its leads) */
const caseworkers = ["rise-caseworker", "county-intake", "county-social-worker", "team-lead"] as const;

const nothing = { reach: "nothing", cases: [] } as const;
const ownCase = { reach: "case", cases: ["own"] } as const;
const ownList = { reach: "list", cases: ["own"] } as const;
const anyCase = { reach: "case", cases: "any" } as const;
const anyList = { reach: "list", cases: "any" } as const;

/**
 * Every route of the web app and who may reach what through it: the policy the routers enforce
 * and the access matrix tests. A leak is an answer other than the refusal to someone this table
 * refuses, a refused request that changed something, or an answer that names a case (its reference
 * or its client) outside the route's `cases` for that caller. createApp refuses to start with a
 * route missing from this table.
 */
export const ROUTE_POLICY: Record<string, RoutePolicy> = {
  // pages, assets and sign-in: nothing of any case
  "GET /": { who: "anyone", ...nothing, refusal: 403, why: "the tasklist page; its data comes from the API" },
  "GET /tasklist/cases/:caseRef": { who: "anyone", ...nothing, refusal: 403, why: "a notice's link, sent on to the page" },
  "GET /favicon.ico": { who: "anyone", ...nothing, refusal: 403, why: "no icon" },
  "POST /api/login": { who: "anyone", ...nothing, refusal: 403, why: "sign-in" },
  "POST /api/logout": { who: staff, ...nothing, refusal: 403, why: "ends one's own session" },
  "GET /api/me": { who: staff, ...nothing, refusal: 403, why: "one's own name, groups and language" },
  "PUT /api/me/language": { who: staff, ...nothing, refusal: 403, why: "one's own language" },

  // the tasklist: only what the caller has a part in
  "GET /api/tasks": { who: staff, ...ownList, refusal: 403, why: "one's own and one's groups' tasks" },
  "GET /api/tasks/:id": { who: staff, ...ownCase, refusal: 403, why: "a task with its form and data" },
  "POST /api/tasks/:id/claim": { who: staff, ...ownCase, refusal: 403, why: "a task offered to one or one's group" },
  "POST /api/tasks/:id/unclaim": { who: staff, ...ownCase, refusal: 403, why: "one's own claimed task" },
  "POST /api/tasks/:id/complete": { who: staff, ...ownCase, refusal: 403, why: "one's own claimed task" },
  "GET /api/cases/:caseRef": { who: staff, ...ownCase, leads: true, refusal: 403, why: "the case view: client, plans, network, consent" },
  "POST /api/cases": { who: ["rise-caseworker", "county-intake"], ...nothing, refusal: 403, why: "starts a new case" },
  "GET /api/organisations": { who: staff, ...nothing, refusal: 403, why: "counties, RISE units, municipalities: public data" },
  "POST /api/cases/:caseRef/handover": { who: ["team-lead"], ...ownCase, leads: true, refusal: 403, why: "a team lead hands their side of a case of their organisation over" },
  "POST /api/cases/:caseRef/transfer": { who: staff, ...ownCase, leads: true, side: "county", refusal: 403, why: "the county side asks to move the case to another county" },
  "GET /api/cases/:caseRef/consent": { who: caseworkers, ...ownCase, leads: true, refusal: 403, why: "the client's consent and its versions, for the case's team" },
  "PUT /api/cases/:caseRef/consent": { who: caseworkers, ...ownCase, leads: true, refusal: 403, why: "either side's case team records a new version: more, less or nothing" },
  "GET /api/cases/:caseRef/access-report": { who: ["team-lead"], ...ownCase, leads: true, refusal: 403, why: "the client's access report, for the case's team leads" },
  "GET /api/transfers": { who: ["county-intake", "team-lead"], ...nothing, refusal: 403, why: "transfers into one's county, naming no case" },
  "POST /api/transfers/:id/accept": { who: ["county-intake"], ...nothing, refusal: 403, why: "the receiving intake takes a case over" },
  "GET /api/pathways": { who: staff, ...nothing, refusal: 403, why: "the pathways one may start" },
  "GET /api/inbox": { who: staff, ...ownList, refusal: 403, why: "one's own notices" },
  "POST /api/inbox/:id/read": { who: staff, ...ownCase, refusal: 404, why: "one's own notice; another's is as if it did not exist" },

  // operations: cases by reference, activity and incident
  "GET /api/audit": { who: admins, ...anyList, refusal: 403, why: "the audit log" },
  "GET /cockpit": { who: admins, ...nothing, refusal: 403, why: "the cockpit page" },
  "GET /cockpit/api/definitions": { who: admins, ...nothing, refusal: 403, why: "pathways with counts" },
  "GET /cockpit/api/definitions/:id/xml": { who: admins, ...nothing, refusal: 403, why: "a pathway's diagram" },
  "GET /cockpit/api/deadlines": { who: admins, ...nothing, refusal: 403, why: "the deadline board's counts" },
  "GET /cockpit/api/instances": { who: admins, ...anyList, refusal: 403, why: "the case list by reference" },
  "GET /cockpit/api/instances/:id": { who: admins, ...anyCase, refusal: 403, why: "one case's instance, audited" },
  "GET /cockpit/api/measures": { who: admins, ...nothing, refusal: 403, why: "figures only" },
  "GET /cockpit/api/sessions": { who: admins, ...nothing, refusal: 403, why: "who is signed in" },
  "POST /cockpit/api/sessions/:userId/end": { who: admins, ...nothing, refusal: 403, why: "ends a user's sessions" },
  "POST /cockpit/api/incidents/:id/retry": { who: admins, ...anyCase, refusal: 403, why: "repairs a case" },
  "POST /cockpit/api/instances/:id/cancel": { who: admins, ...anyCase, refusal: 403, why: "ends a case" },
  "POST /cockpit/api/instances/:id/variables": { who: admins, ...anyCase, refusal: 403, why: "corrects a variable that stalls a case, before a retry" },
  "POST /cockpit/api/instances/:id/message": { who: admins, ...anyCase, refusal: 403, why: "tells a case of a change" },

  // the modeler: pathways, never cases
  "GET /modeler": { who: ["process-owner"], ...nothing, refusal: 403, why: "the modeler page" },
  "GET /modeler/api/definitions": { who: ["process-owner"], ...nothing, refusal: 403, why: "deployed pathways" },
  "GET /modeler/api/definitions/:id/xml": { who: ["process-owner"], ...nothing, refusal: 403, why: "a pathway's diagram" },
  "GET /modeler/api/forms": { who: ["process-owner"], ...nothing, refusal: 403, why: "the forms" },
  "POST /modeler/api/deploy": { who: ["process-owner"], ...nothing, refusal: 403, why: "deploys a new version" },
};

export const routeKey = (route: Pick<RouteInfo, "method" | "path">) => `${route.method} ${route.path}`;

/** The routes this table does not classify, and the entries that name no route (both should be none). */
export function unclassified(routes: readonly RouteInfo[]): { routes: string[]; stale: string[] } {
  const keys = new Set(routes.map(routeKey));
  return {
    routes: [...keys].filter((k) => !(k in ROUTE_POLICY)),
    stale: Object.keys(ROUTE_POLICY).filter((k) => !keys.has(k)),
  };
}

/** Throws naming every route nobody classified: no app starts with one. */
export function assertClassified(routes: readonly RouteInfo[]): void {
  const { routes: missing } = unclassified(routes);
  if (missing.length) throw new Error(`Routes missing from web/server/route-policy.ts (who may, what a leak is): ${missing.join(", ")}`);
}
