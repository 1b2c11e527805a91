import express, { type Request, type Response } from "express";
import { fileURLToPath } from "node:url";
import { unwrap, type EngineClient } from "../../../lib/engine/client.js";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The HTML a client bundle mounts into; no inline script or style, as the Content Security Policy wants. */
function pageShell(title: string, assetBase: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Nivel</title>
<link rel="stylesheet" href="${assetBase}/main.css">
</head>
<body>
<div id="app"></div>
<script type="module" src="${assetBase}/main.js"></script>
</body>
</html>`;
}

/**
 * Sends a router's page. The page loads its assets and calls its API by relative paths, so
 * `/cockpit` is sent on to `/cockpit/`.
 */
export function sendPage(req: Request, res: Response, title: string): void {
  const [path = "", query] = req.originalUrl.split("?");
  if (!path.endsWith("/")) {
    res.redirect(301, `${path}/${query === undefined ? "" : `?${query}`}`);
    return;
  }
  res.type("html").send(pageShell(title, "assets"));
}

/**
 * The router a page starts from: its bundle (web/public/build/<page>/) under assets/ and the page
 * at /. Bodies are read by the app (request-text.ts). Mounted behind the app's group and CSRF checks.
 */
export function pageRouter(page: string, title: string): express.Router {
  const router = express.Router();
  router.use("/assets", express.static(fileURLToPath(new URL(`../../public/build/${page}/`, import.meta.url)), { fallthrough: false }));
  router.get("/", (req, res) => sendPage(req, res, title));
  return router;
}

/** `GET /api/definitions/:id/xml`: a deployed version's BPMN, for the cockpit's and modeler's canvas. */
export function definitionXml(engine: EngineClient): express.RequestHandler<{ id: string }> {
  return async (req, res) => {
    const xml = unwrap(await engine.GET("/process-definition/{id}/xml", { params: { path: { id: req.params.id } } }));
    res.json({ xml: xml.bpmn20Xml });
  };
}
