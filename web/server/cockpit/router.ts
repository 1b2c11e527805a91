import express from "express";
import { fileURLToPath } from "node:url";
import { unwrap } from "../../../lib/engine/client.js";
import { CancelRequest, MessageRequest, cancelInstance, correlateMessage, retryIncident } from "./actions.js";
import type { CockpitDeps } from "./deps.js";
import { apiErrors } from "../api-errors.js";
import { InstanceFilter, listInstances } from "./instance-list.js";
import { instanceDetail } from "./instance-detail.js";
import { measures } from "./measures.js";
import { periodQuery } from "./measures-period.js";
import { deadlineBoard, definitionSummaries } from "./overview.js";
import { sendPage } from "./page-shell.js";
import { requireGroup } from "../auth/require-group.js";
import { currentUser } from "../auth/user.js";

export const COCKPIT_BUILD_DIR = fileURLToPath(new URL("../../public/build/cockpit/", import.meta.url));

/** The admins' cockpit: monitoring and repair of running cases, all through the engine's REST API. */
export function cockpitRouter(deps: CockpitDeps): express.Router {
  const now = deps.now ?? (() => new Date());
  const router = express.Router();
  router.use(requireGroup("admin"));
  router.use(express.json({ limit: "100kb" }));
  router.use("/assets", express.static(COCKPIT_BUILD_DIR, { fallthrough: false }));

  router.get("/", (req, res) => sendPage(req, res, "Cockpit"));

  router.get("/api/definitions", async (_req, res) => {
    res.json(await definitionSummaries(deps.engine, now()));
  });
  router.get("/api/definitions/:id/xml", async (req, res) => {
    const xml = unwrap(await deps.engine.client.GET("/process-definition/{id}/xml", { params: { path: { id: req.params.id } } }));
    res.json({ xml: xml.bpmn20Xml });
  });
  router.get("/api/deadlines", async (_req, res) => {
    res.json(await deadlineBoard(deps.engine, now()));
  });
  router.get("/api/instances", async (req, res) => {
    res.json(await listInstances(deps.engine, InstanceFilter.parse(req.query), now()));
  });
  router.get("/api/instances/:id", async (req, res) => {
    const detail = await instanceDetail(deps, req.params.id, now());
    // the variables hold client data: every read of them is audited
    await deps.audit.record({ actor: currentUser(res).id, action: "cockpit.view", processInstanceId: req.params.id });
    res.json(detail);
  });

  // aggregate figures only (no client data), but who looked at what period is still recorded
  router.get("/api/measures", async (req, res) => {
    const at = now();
    const period = periodQuery(at).parse(req.query);
    const figures = await measures(deps.engine, period, at);
    await deps.audit.record({ actor: currentUser(res).id, action: "cockpit.measures", detail: { from: period.from, to: period.to } });
    res.json(figures);
  });

  router.post("/api/incidents/:id/retry", async (req, res) => {
    await retryIncident(deps, currentUser(res).id, req.params.id);
    res.status(204).end();
  });
  router.post("/api/instances/:id/cancel", async (req, res) => {
    const { reason } = CancelRequest.parse(req.body);
    await cancelInstance(deps, currentUser(res).id, req.params.id, reason);
    res.status(204).end();
  });
  router.post("/api/instances/:id/message", async (req, res) => {
    await correlateMessage(deps, currentUser(res).id, req.params.id, MessageRequest.parse(req.body));
    res.status(204).end();
  });

  router.use(apiErrors);
  return router;
}
