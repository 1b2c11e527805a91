import type { Request, Response } from "express";

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
