/**
 * Support for the tasklist and web-core tests (declares no tests): the demo users in the test
 * engine, a small pathway with a Camunda Form, the whole web app in-process on a free port with an
 * in-memory PGlite store, and signed-in fetch sessions.
 */
import type { Express } from "express";
import type { AddressInfo } from "node:net";
import { createEngineClient, unwrap } from "../../../lib/engine/client.js";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS, ensureDemoIdentity } from "../../../lib/engine/demo-users.js";
import { deployResources } from "../../../lib/engine/deploy.js";
import { openStore, type Store } from "../../../lib/store/index.js";
import { createApp, type AppDeps } from "../../../web/server/app.js";
import { engineDate } from "../../../lib/engine/engine-date.js";
import type { TestEngine } from "../../support/engine.js";
import { intakeGroup } from "../../../lib/organisations/case-groups.js";

/**
 * The demo groups and users in the test engine. ensureDemoIdentity adds users only to an engine
 * that has none but its admin, so any demo user still missing (another suite came first) is added here.
 */
export async function ensureDemoUsers(engine: TestEngine): Promise<void> {
  await ensureDemoIdentity(engine.client, engine.connection.user);
  const existing = new Set(unwrap(await engine.client.GET("/user")).map((u) => u.id));
  for (const user of DEMO_USERS.filter((u) => !existing.has(u.id))) {
    unwrap(
      await engine.client.POST("/user/create", {
        body: { profile: { id: user.id, firstName: user.firstName, lastName: user.lastName }, credentials: { password: DEFAULT_DEMO_PASSWORD } },
      }),
    );
    for (const group of [...user.groups, ...(user.organisation ? [user.organisation] : [])]) unwrap(await engine.client.PUT("/group/{id}/members/{userId}", { params: { path: { id: group, userId: user.id } } }));
  }
}

export const TEST_FORM_ID = "tasklist-test-intake";

/** A Camunda Form with a required text, a bounded number and a date. */
export const TEST_FORM = {
  id: TEST_FORM_ID,
  type: "default",
  executionPlatform: "Camunda Platform",
  executionPlatformVersion: "7.24.0",
  schemaVersion: 18,
  components: [
    { id: "f_summary", type: "textfield", key: "summary", label: "Tilanteen kuvaus", validate: { required: true, maxLength: 200 } },
    { id: "f_meetings", type: "number", key: "meetingsPlanned", label: "Sovittuja tapaamisia", validate: { required: true, min: 1, max: 10 } },
    { id: "f_date", type: "datetime", subtype: "date", key: "meetingDate", dateLabel: "Ensimmäinen tapaaminen", validate: { required: false } },
  ],
};

/** The intake of the county of intake.korhonen (Itä-Uusimaa): the test pathways' tasks wait on it. */
export const HOME_INTAKE = intakeGroup("hva-ita-uusimaa");

/** start → "Kartoita tilanne" → "Sovi tapaaminen" → end; both tasks offered to Itä-Uusimaa's intake with the test form. */
export function intakePathway(key: string): string {
  const task = (id: string, name: string) =>
    `<bpmn:userTask id="${id}" name="${name}" camunda:candidateGroups="${HOME_INTAKE}" camunda:dueDate="\${assessmentStartDue}" camunda:formRef="${TEST_FORM_ID}" camunda:formRefBinding="latest" />`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs_${key}" targetNamespace="https://nivel.fi/test">
  <bpmn:process id="${key}" name="Testipolku" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" name="Ilmoitus vastaanotettu" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="assess" />
    ${task("assess", "Kartoita tilanne")}
    <bpmn:sequenceFlow id="f2" sourceRef="assess" targetRef="meet" />
    ${task("meet", "Sovi tapaaminen")}
    <bpmn:sequenceFlow id="f3" sourceRef="meet" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

export async function deployIntakePathway(engine: TestEngine, key: string): Promise<void> {
  await deployResources(
    engine.connection,
    [
      { name: `${key}.bpmn`, content: intakePathway(key) },
      { name: `${TEST_FORM_ID}.form`, content: JSON.stringify(TEST_FORM) },
    ],
    `tasklist-test-${key}`,
  );
}

/** one process's references run on from a random start, so none repeats within a run (a random pick per case did, now and then) */
let nextCaseNumber = Math.floor(Math.random() * 500_000);
export function newCaseRef(): string {
  nextCaseNumber = (nextCaseNumber + 1) % 1_000_000;
  return `NIV-2026-${String(nextCaseNumber).padStart(6, "0")}`;
}

const DAY = 86_400_000;

/** Starts a case: its start limit (the tasks' due date) in `startDueInDays`, its completion limit passed 2 days ago. */
/**
 * Starts the test pathway on the engine as Nivel would; with `store`, the case is registered there
 * too, as Itä-Uusimaa's and Vantaa prison's, so that working on it puts one on its team.
 */
export async function startCase(engine: TestEngine, key: string, caseRef: string, startDueInDays = 5, store?: Store): Promise<string> {
  const now = Date.now();
  await store?.cases.create({ caseRef, pathway: key, countyId: "hva-ita-uusimaa", riseUnitId: "rise-vantaan-vankila", municipality: "638", startedBy: "test", startedAt: new Date(now) });
  const started = unwrap(
    await engine.client.POST("/process-definition/key/{key}/start", {
      params: { path: { key } },
      body: {
        businessKey: caseRef,
        variables: {
          caseRef: { value: caseRef, type: "String" },
          clientName: { value: "Testi Asiakas", type: "String" },
          contactDate: { value: engineDate(new Date(now - 10 * DAY)), type: "Date" },
          assessmentStartDue: { value: engineDate(new Date(now + startDueInDays * DAY)), type: "Date" },
          assessmentCompletionDue: { value: engineDate(new Date(now - 2 * DAY)), type: "Date" },
        },
      },
    }),
  );
  return started.id!;
}

export async function openTaskOf(engine: TestEngine, caseRef: string) {
  const tasks = unwrap(await engine.client.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef } } }));
  return tasks[0];
}

export interface RunningApp {
  url: string;
  store: Store;
  /** the express app itself, for tests that read its routes (web/server/route-list.ts) */
  app: Express;
  close(): Promise<void>;
}

/** Sign-in limits no test reaches by accident; the throttle's own tests set theirs. */
const GENEROUS_SIGN_IN_LIMITS = { perUser: 10_000, perAddress: 10_000, windowMs: 15 * 60_000 };

export type AppOptions = Partial<Pick<AppDeps, "signInLimits" | "sessionRecheckMs" | "trustProxy" | "now" | "formsDir">> & {
  /** a store shared with another app (as web processes share one database); closed by its owner, not by this app */
  store?: Store;
};

export async function startApp(engine: TestEngine, options: AppOptions = {}): Promise<RunningApp> {
  const { store: shared, ...deps } = options;
  const store = shared ?? (await openStore({ backend: "memory" }));
  const app = createApp({
    engine: { connection: engine.app, client: createEngineClient(engine.app) },
    store,
    signInLimits: GENEROUS_SIGN_IN_LIMITS,
    ...deps,
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    app,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!shared) await store.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** fetch with the session cookie, and the CSRF token on anything but GET unless `csrf: false` */
  fetch(path: string, init?: RequestInit & { csrf?: boolean; json?: unknown }): Promise<Response>;
}

export function login(app: RunningApp, username: string, password = DEFAULT_DEMO_PASSWORD): Promise<Response> {
  return fetch(`${app.url}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
}

export async function signIn(app: RunningApp, username: string): Promise<Session> {
  const response = await login(app, username);
  if (!response.ok) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  const cookie = response.headers.getSetCookie()[0]!.split(";")[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    fetch: (path, { csrf = true, json, ...init } = {}) =>
      fetch(`${app.url}${path}`, {
        ...init,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
        headers: {
          cookie,
          ...(json !== undefined ? { "content-type": "application/json" } : {}),
          ...(csrf && init.method && init.method !== "GET" ? { "x-csrf-token": csrfToken } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      }),
  };
}
