import type { Response } from "express";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The HTML a client bundle mounts into. The CSRF token travels in a meta tag so the bundle can
 * send it back in `x-csrf-token` with every action.
 */
export function pageShell(res: Response, title: string, assetBase: string): string {
  const csrf = typeof res.locals.csrfToken === "string" ? res.locals.csrfToken : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${escapeHtml(csrf)}">
<title>${escapeHtml(title)} · Nivel</title>
<link rel="stylesheet" href="${assetBase}/main.css">
</head>
<body>
<div id="app"></div>
<script type="module" src="${assetBase}/main.js"></script>
</body>
</html>`;
}
