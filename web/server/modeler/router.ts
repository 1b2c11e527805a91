import type express from "express";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { EngineError, unwrap } from "../../../lib/engine/client.js";
import { deployResources } from "../../../lib/engine/deploy.js";
import { definitionXml, pageRouter } from "../cockpit/page-shell.js";
import { currentUser } from "../auth/user.js";
import type { ModelerDeps } from "./deps.js";
import { ParseDetails } from "./parse-details.js";
import { formRefs } from "./form-refs.js";
import { FormFile, formsFor, readForms } from "./forms.js";

const DEFAULT_FORMS_DIR = fileURLToPath(new URL("../../../forms/", import.meta.url));

const DeployRequest = z.object({
  diagram: z.object({
    name: z.string().regex(/^[\w.-]+\.bpmn$/, "A diagram's file name ends in .bpmn"),
    xml: z.string().min(1),
  }),
  forms: z.array(FormFile).default([]),
});

/**
 * The process owners' modeler: open any deployed version, edit, and deploy a new one with its
 * forms. Mounted behind requireGroup("process-owner") (web/server/app.ts).
 */
export function modelerRouter(deps: ModelerDeps): express.Router {
  const formsDir = deps.formsDir ?? DEFAULT_FORMS_DIR;
  const router = pageRouter("modeler", "Modeler", "5mb");

  router.get("/api/definitions", async (_req, res) => {
    const definitions = unwrap(
      await deps.engine.client.GET("/process-definition", { params: { query: { sortBy: "key", sortOrder: "asc" } } }),
    );
    res.json(
      definitions
        .map((d) => ({ id: d.id!, key: d.key!, name: d.name ?? d.key!, version: d.version!, resource: d.resource ?? `${d.key}.bpmn` }))
        .sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version),
    );
  });
  router.get("/api/definitions/:id/xml", definitionXml(deps.engine.client));
  router.get("/api/forms", (_req, res) => {
    res.json(readForms(formsDir));
  });

  router.post("/api/deploy", async (req, res) => {
    const { diagram, forms: edited } = DeployRequest.parse(req.body);
    const { forms, missing } = formsFor(await formRefs(diagram.xml), edited, readForms(formsDir));
    if (missing.length > 0) {
      res.status(400).json({ type: "InvalidRequestException", message: `The diagram names forms that do not exist: ${missing.join(", ")}` });
      return;
    }
    let deployed;
    try {
      deployed = await deployResources(deps.engine.connection, [{ name: diagram.name, content: diagram.xml }, ...forms], "nivel", "nivel-modeler");
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      // the parse problems, which the modeler draws on the elements they concern
      const details = ParseDetails.safeParse(error.details);
      res.status(error.status).json({ type: error.type, message: error.message, ...(details.success ? { details: details.data } : {}) });
      return;
    }
    const outcome = { ok: true, deploymentId: deployed.id, definitions: deployed.definitions };
    await deps.audit.record({
      actor: currentUser(res).id,
      action: "modeler.deploy",
      detail: { deploymentId: outcome.deploymentId, diagram: diagram.name, forms: forms.map((f) => f.name), definitions: outcome.definitions },
    });
    res.status(201).json(outcome);
  });
  return router;
}
