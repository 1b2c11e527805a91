import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
export const TASKLIST_BUNDLE_DIR = fileURLToPath(new URL("../../public/build/tasklist/", import.meta.url));

/** Bundles the tasklist script and styles (form-js included) into web/public/build/tasklist/. */
export async function bundleTasklist(): Promise<void> {
  await build({
    entryPoints: { main: `${here}main.ts` },
    outdir: TASKLIST_BUNDLE_DIR,
    bundle: true,
    format: "esm",
    minify: true,
    sourcemap: true,
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".eot": "file", ".svg": "file" },
    logLevel: "warning",
  });
}
