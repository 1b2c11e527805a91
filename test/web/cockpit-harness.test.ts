/**
 * Support shared by the cockpit and modeler tests (named to sit among their files; it declares no
 * tests): the whole web app from the core's `createApp` on the shared test engine and an in-memory
 * store, with the modeler's forms folder of the test's choosing; the demo users signed in through
 * `/api/login`; headless Chromium.
 */
import type { Browser } from "playwright-core";
import { DEFAULT_DEMO_PASSWORD } from "../../lib/engine/demo-users.js";
import type { AuditEntry, Store } from "../../lib/store/index.js";
import type { TestEngine } from "../support/engine.js";
import { ensureDemoUsers, signIn, startApp, type Session } from "./support/tasklist-app.js";

export { newCaseRef } from "./support/tasklist-app.js";

export interface Harness {
  url: string;
  store: Store;
  /** fetch as a signed-in demo user, with the session's CSRF token on anything but GET */
  as(userId: string, path: string, init?: RequestInit): Promise<Response>;
  /** the audit log entries written by a user */
  auditBy(userId: string): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

export async function startHarness(engine: TestEngine, formsDir?: string): Promise<Harness> {
  await ensureDemoUsers(engine);
  const app = await startApp(engine, formsDir ? { formsDir } : {});
  const sessions = new Map<string, Promise<Session>>();
  const session = (userId: string) => {
    if (!sessions.has(userId)) sessions.set(userId, signIn(app, userId));
    return sessions.get(userId)!;
  };
  return {
    url: app.url,
    store: app.store,
    async as(userId, path, init = {}) {
      return (await session(userId)).fetch(path, {
        ...init,
        headers: {
          ...(init.method && init.method !== "GET" ? { "content-type": "application/json" } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      });
    },
    auditBy: (userId) => app.store.audit.query({ actor: userId, limit: 10_000 }),
    close: app.close,
  };
}

/**
 * start → "Review" (user task) → "Check register" (external task on `topic`) → end, with its
 * diagram drawn, so the cockpit and the modeler can show it.
 */
export function drawnReviewThenWork(key: string, topic: string): string {
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
    <bpmn:userTask id="review" name="Review" camunda:candidateGroups="county-intake"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
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

/** A browser page signed in as the demo user through the sign-in API. */
export async function pageAs(browser: Browser, harness: Harness, userId: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const login = await context.request.post(`${harness.url}/api/login`, { data: { username: userId, password: DEFAULT_DEMO_PASSWORD } });
  if (!login.ok()) throw new Error(`Sign-in of ${userId} failed: ${login.status()}`);
  return context.newPage();
}
