/** The tasklist's HTML: no inline script or style, so the Content Security Policy can forbid both. */
export function tasklistShell(): string {
  return `<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nivel</title>
<link rel="stylesheet" href="/assets/tasklist/main.css">
</head>
<body>
<div id="app" aria-live="polite"></div>
<script type="module" src="/assets/tasklist/main.js"></script>
</body>
</html>`;
}
