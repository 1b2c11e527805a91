/** A page of Nivel with the tasklist's style: no inline script or style, so the Content Security Policy can forbid both. */
export function nivelPage(body: string): string {
  return `<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nivel</title>
<link rel="stylesheet" href="/assets/tasklist/main.css">
</head>
<body>
${body}
</body>
</html>`;
}

/** The tasklist's HTML: its app, rendered by its script. */
export function tasklistShell(): string {
  return nivelPage(`<div id="app" aria-live="polite"></div>
<script type="module" src="/assets/tasklist/main.js"></script>`);
}
