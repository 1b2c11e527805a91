/**
 * Support shared by the cockpit and modeler tests (named to sit among their files; it declares no
 * tests): the whole web app from the core's `createApp` on the shared test engine and an in-memory
 * store, test users in the engine's identity service signed in through `/api/login`, and headless
 * Chromium.
 */
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { unwrap } from "../../lib/engine/client.js";
import { openStore, type AuditEntry, type Store } from "../../lib/store/index.js";
import { createApp } from "../../web/server/app.js";
import type { TestEngine } from "../support/engine.js";

/** One test user per kind of user, each in its own group. */
export const USERS = {
  admin: { id: "web-test-admin", group: "admin" },
  owner: { id: "web-test-owner", group: "process-owner" },
  caseworker: { id: "web-test-caseworker", group: "county-social-worker" },
  lead: { id: "web-test-lead", group: "team-lead" },
} as const;
export type TestUser = keyof typeof USERS;
const PASSWORD = "web-test-password";

async function ensureUsers(engine: TestEngine): Promise<void> {
  const { client } = engine;
  const groups = new Set(unwrap(await client.GET("/group")).map((g) => g.id));
  const users = new Set(unwrap(await client.GET("/user")).map((u) => u.id));
  for (const { id, group } of Object.values(USERS)) {
    if (!groups.has(group)) {
      unwrap(await client.POST("/group/create", { body: { id: group, name: group, type: "WORKFLOW" } }));
      groups.add(group);
    }
    if (users.has(id)) continue;
    unwrap(
      await client.POST("/user/create", {
        body: { profile: { id, firstName: "Test", lastName: group, email: `${id}@test.nivel.invalid` }, credentials: { password: PASSWORD } },
      }),
    );
    unwrap(await client.PUT("/group/{id}/members/{userId}", { params: { path: { id: group, userId: id } } }));
  }
}

/** A case reference the store accepts, different in every call of a run. */
let caseCounter = Math.floor(Math.random() * 900_000);
export function newCaseRef(): string {
  caseCounter = (caseCounter + 1) % 1_000_000;
  return `NIV-2026-${String(caseCounter).padStart(6, "0")}`;
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface Harness {
  url: string;
  store: Store;
  /** fetch as a signed-in test user, with the session's CSRF token on anything but GET */
  as(user: TestUser, path: string, init?: RequestInit): Promise<Response>;
  /** the audit log entries written by a test user */
  auditBy(user: TestUser): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

export async function startHarness(engine: TestEngine, formsDir?: string): Promise<Harness> {
  await ensureUsers(engine);
  const store = await openStore({ backend: "memory" });
  const app = createApp({
    engine: { connection: engine.connection, client: engine.client },
    store,
    loginAttemptsPer15Min: 1000,
    ...(formsDir ? { formsDir } : {}),
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sessions = new Map<TestUser, Session>();
  const signIn = async (user: TestUser): Promise<Session> => {
    const known = sessions.get(user);
    if (known) return known;
    const response = await fetch(`${url}/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: USERS[user].id, password: PASSWORD }),
    });
    if (!response.ok) throw new Error(`Sign-in of ${USERS[user].id} failed: ${response.status}`);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const session = { cookie: response.headers.get("set-cookie")!.split(";")[0]!, csrfToken };
    sessions.set(user, session);
    return session;
  };
  return {
    url,
    store,
    async as(user, path, init = {}) {
      const { cookie, csrfToken } = await signIn(user);
      return fetch(`${url}${path}`, {
        ...init,
        headers: {
          cookie,
          ...(init.method && init.method !== "GET" ? { "x-csrf-token": csrfToken, "content-type": "application/json" } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      });
    },
    auditBy: (user) => store.audit.query({ actor: USERS[user].id, limit: 10_000 }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/**
 * start → "Review" (user task) → "Check register" (external task on `topic`) → end, with its
 * diagram drawn, so the cockpit and the modeler can show it.
 */
export function drawnReviewThenWork(key: string, topic: string, reviewName = "Review"): string {
  const shape = (id: string, x: number, y: number, w: number, h: number) =>
    `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`;
  const edge = (id: string, points: [number, number][]) =>
    `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join("")}</bpmndi:BPMNEdge>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs_${key}" targetNamespace="https://nivel.fi/test">
  <bpmn:process id="${key}" name="Test pathway ${key}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" name="Referral received"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="${reviewName}" camunda:candidateGroups="county-intake"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="work" />
    <bpmn:serviceTask id="work" name="Check register" camunda:type="external" camunda:topic="${topic}"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="done" />
    <bpmn:endEvent id="done" name="Done"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram_${key}"><bpmndi:BPMNPlane id="plane_${key}" bpmnElement="${key}">
    ${shape("start", 160, 102, 36, 36)}
    ${shape("review", 260, 80, 120, 80)}
    ${shape("work", 450, 80, 120, 80)}
    ${shape("done", 640, 102, 36, 36)}
    ${edge("f1", [[196, 120], [260, 120]])}
    ${edge("f2", [[380, 120], [450, 120]])}
    ${edge("f3", [[570, 120], [640, 120]])}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A browser page signed in as the test user through the sign-in API. */
export async function pageAs(browser: Browser, harness: Harness, user: TestUser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const login = await context.request.post(`${harness.url}/api/login`, { data: { username: USERS[user].id, password: PASSWORD } });
  if (!login.ok()) throw new Error(`Sign-in of ${USERS[user].id} failed: ${login.status()}`);
  return context.newPage();
}
