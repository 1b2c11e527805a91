import { build, type Plugin } from "esbuild";
import { fileURLToPath } from "node:url";

/** Where a page's bundle is written and served from: web/public/build/<page>/. */
function pageBundleDir(page: string): string {
  return fileURLToPath(new URL(`../../public/build/${page}/`, import.meta.url));
}

/**
 * Bundles web/client/<page>/main.ts with its styles and fonts into web/public/build/<page>/,
 * as one ES module: the pages load no inline script, so the CSP can forbid them.
 */
export async function bundlePage(page: string, plugins: Plugin[] = []): Promise<void> {
  await build({
    entryPoints: { main: fileURLToPath(new URL(`../${page}/main.ts`, import.meta.url)) },
    outdir: pageBundleDir(page),
    bundle: true,
    format: "esm",
    minify: true,
    sourcemap: true,
    plugins,
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".eot": "file", ".svg": "file" },
    logLevel: "warning",
  });
}
