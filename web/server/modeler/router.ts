import type express from "express";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { unwrap } from "../../../lib/engine/client.js";
import { deployResources } from "../../../lib/engine/deploy.js";
import { definitionXml, pageRouter } from "../cockpit/page-shell.js";
import { currentUser } from "../auth/user.js";
import { ApiProblem } from "../problems.js";
import { withBody } from "../route-body.js";
import type { ModelerDeps } from "./deps.js";
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

/** The forms a diagram names, or a 400 when the diagram or an edited form cannot be read at all. */
async function formsOfDiagram(xml: string, edited: FormFile[], stored: FormFile[]) {
  try {
    return formsFor(await formRefs(xml), edited, stored);
  } catch {
    throw new ApiProblem(400, "InvalidDiagram", "diagram-unreadable", "The diagram or one of its forms could not be read (BPMN 2.0 XML and form-js JSON).");
  }
}

/**
 * The process owners' modeler: open any deployed version, edit, and deploy a new one with its
 * forms. Mounted behind requireGroup("process-owner") (web/server/app.ts).
 */
export function modelerRouter(deps: ModelerDeps): express.Router {
  const formsDir = deps.formsDir ?? DEFAULT_FORMS_DIR;
  const router = pageRouter("modeler", "Modeler");

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

  router.post(
    "/api/deploy",
    withBody(DeployRequest, async (_req, res, { diagram, forms: edited }) => {
      const { forms, missing } = await formsOfDiagram(diagram.xml, edited, readForms(formsDir));
      if (missing.length > 0) {
        throw new ApiProblem(400, "InvalidRequestException", "form-missing", `The diagram names forms that do not exist: ${missing.join(", ")}`);
      }
      // the engine's parse problems (engine-problems.ts) come back as 400 with the elements they concern
      const deployed = await deps.audit.around(
        { actor: currentUser(res).id, action: "modeler.deploy", detail: { diagram: diagram.name, forms: forms.map((f) => f.name) } },
        () => deployResources(deps.engine.connection, [{ name: diagram.name, content: diagram.xml }, ...forms], "nivel", "nivel-modeler"),
      );
      res.status(201).json({ ok: true, deploymentId: deployed.id, definitions: deployed.definitions });
    }),
  );
  return router;
}
