import type express from "express";
import { CancelRequest, MessageRequest, cancelInstance, correlateMessage, retryIncident } from "./actions.js";
import type { CockpitDeps } from "./deps.js";
import { InstanceFilter, listInstances } from "./instance-list.js";
import { instanceDetail } from "./instance-detail.js";
import { measures } from "./measures.js";
import { periodQuery } from "./measures-period.js";
import { deadlineBoard, definitionSummaries } from "./overview.js";
import { definitionXml, pageRouter } from "./page-shell.js";
import { currentUser } from "../auth/user.js";

/**
 * The admins' cockpit: monitoring and repair of running cases, all through the engine's REST API.
 * Mounted behind requireGroup("admin") (web/server/app.ts).
 */
export function cockpitRouter(deps: CockpitDeps): express.Router {
  const now = deps.now ?? (() => new Date());
  const router = pageRouter("cockpit", "Cockpit", "100kb");

  router.get("/api/definitions", async (_req, res) => {
    res.json(await definitionSummaries(deps.engine, now()));
  });
  router.get("/api/definitions/:id/xml", definitionXml(deps.engine.client));
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
  return router;
}
