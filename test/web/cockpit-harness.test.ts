/**
 * Support shared by the cockpit and modeler tests (named to sit among their files; it declares no
 * tests): a small express app that mounts the two routers behind a stand-in for the web core's
 * sign-in (a cookie naming a demo user) and CSRF check, an in-memory audit log, and headless
 * Chromium.
 */
import express from "express";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { DEMO_USERS } from "../../lib/engine/demo-users.js";
import type { AuditPort, AuditRecord } from "../../web/server/cockpit/deps.js";
import { cockpitRouter } from "../../web/server/cockpit/router.js";
import { modelerRouter } from "../../web/server/modeler/router.js";
import type { TestEngine } from "../support/engine.js";

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

export const USER_COOKIE = "nivel-test-user";

export class MemoryAudit implements AuditPort {
  readonly entries: AuditRecord[] = [];
  async record(entry: Omit<AuditRecord, "at">): Promise<void> {
    this.entries.push({ at: new Date().toISOString(), ...entry });
  }
  async forProcessInstance(id: string): Promise<AuditRecord[]> {
    return this.entries.filter((e) => e.processInstanceId === id);
  }
}

export interface Harness {
  url: string;
  csrfToken: string;
  audit: MemoryAudit;
  /** fetch as the named demo user, with the CSRF token on anything but GET */
  as(userId: string, path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startHarness(engine: TestEngine, formsDir?: string): Promise<Harness> {
  const audit = new MemoryAudit();
  const csrfToken = randomBytes(16).toString("hex");
  const app = express();
  app.use((req, res, next) => {
    const cookie = /(?:^|;\s*)nivel-test-user=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
    const user = DEMO_USERS.find((u) => u.id === cookie);
    if (user) res.locals.user = { id: user.id, groups: user.groups, name: `${user.firstName} ${user.lastName}` };
    res.locals.csrfToken = csrfToken;
    if (req.method !== "GET" && req.headers["x-csrf-token"] !== csrfToken) {
      res.status(403).json({ type: "ForbiddenError", message: "CSRF token missing or wrong" });
      return;
    }
    next();
  });
  const engineDeps = { connection: engine.connection, client: engine.client };
  app.use("/cockpit", cockpitRouter({ engine: engineDeps, audit }));
  app.use("/modeler", modelerRouter({ engine: engineDeps, audit, ...(formsDir ? { formsDir } : {}) }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    csrfToken,
    audit,
    as: (userId, path, init = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: {
          cookie: `${USER_COOKIE}=${userId}`,
          ...(init.method && init.method !== "GET" ? { "x-csrf-token": csrfToken, "content-type": "application/json" } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
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

/** A browser page signed in as the demo user. */
export async function pageAs(browser: Browser, harness: Harness, userId: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: USER_COOKIE, value: userId, url: harness.url }]);
  return context.newPage();
}
