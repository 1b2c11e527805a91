import type express from "express";
import { CancelRequest, CorrectVariable, MessageRequest, cancelInstance, correctVariable, correlateMessage, retryIncident } from "./actions.js";
import type { CockpitDeps } from "./deps.js";
import { InstanceFilter, listInstances } from "./instance-list.js";
import { instanceDetail } from "./instance-detail.js";
import { measures } from "./measures.js";
import { periodQuery } from "./measures-period.js";
import { deadlineBoard, definitionSummaries } from "./overview.js";
import { definitionXml, pageRouter } from "./page-shell.js";
import { currentUser } from "../auth/user.js";
import { withBody } from "../route-body.js";
import { sessionRoutes } from "./sessions.js";

/**
 * The admins' cockpit: monitoring and repair of running cases, all through the engine's REST API.
 * Mounted behind requireGroup("admin") (web/server/app.ts).
 */
export function cockpitRouter(deps: CockpitDeps): express.Router {
  const now = deps.now ?? (() => new Date());
  const router = pageRouter("cockpit", "Cockpit");
  const actor = (res: express.Response) => currentUser(res).id;

  // the lists carry no client data, but who looked at which list is still recorded
  router.get("/api/definitions", async (_req, res) => {
    const summaries = await definitionSummaries(deps.engine, now());
    await deps.audit.record({ actor: actor(res), action: "cockpit.definitions" });
    res.json(summaries);
  });
  router.get("/api/definitions/:id/xml", definitionXml(deps.engine.client));
  router.get("/api/deadlines", async (_req, res) => {
    const board = await deadlineBoard(deps.engine, now());
    await deps.audit.record({ actor: actor(res), action: "cockpit.deadlines" });
    res.json(board);
  });
  router.get("/api/instances", async (req, res) => {
    const filter = InstanceFilter.parse(req.query);
    const rows = await listInstances(deps.engine, filter, now());
    await deps.audit.record({ actor: actor(res), action: "cockpit.instances", detail: { ...filter, instances: rows.length } });
    res.json(rows);
  });
  router.get("/api/instances/:id", async (req, res) => {
    const detail = await instanceDetail(deps, req.params.id, now());
    // the variables hold client data: every read of them is audited
    await deps.audit.record({ actor: actor(res), action: "cockpit.view", processInstanceId: req.params.id });
    res.json(detail);
  });

  // aggregate figures only (no client data), but who looked at what period is still recorded
  router.get("/api/measures", async (req, res) => {
    const at = now();
    const period = periodQuery(at).parse(req.query);
    const figures = await measures(deps.engine, period, at);
    await deps.audit.record({ actor: actor(res), action: "cockpit.measures", detail: { from: period.from, to: period.to } });
    res.json(figures);
  });

  router.post("/api/incidents/:id/retry", async (req, res) => {
    await retryIncident(deps, actor(res), req.params.id);
    res.status(204).end();
  });
  router.post(
    "/api/instances/:id/cancel",
    withBody(CancelRequest, async (req, res, { reason }) => {
      await cancelInstance(deps, actor(res), String(req.params.id), reason);
      res.status(204).end();
    }),
  );
  router.post(
    "/api/instances/:id/message",
    withBody(MessageRequest, async (req, res, message) => {
      await correlateMessage(deps, actor(res), String(req.params.id), message);
      res.status(204).end();
    }),
  );
  router.post(
    "/api/instances/:id/variables",
    withBody(CorrectVariable, async (req, res, input) => {
      await correctVariable(deps, actor(res), String(req.params.id), input);
      res.status(204).end();
    }),
  );
  sessionRoutes(router, now);
  return router;
}
