import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
export const COCKPIT_BUNDLE_DIR = fileURLToPath(new URL("../../public/build/cockpit/", import.meta.url));

/** Bundles the cockpit page script and its styles into web/public/build/cockpit/. */
export async function bundleCockpit(): Promise<void> {
  await build({
    entryPoints: { main: `${here}main.ts` },
    outdir: COCKPIT_BUNDLE_DIR,
    bundle: true,
    format: "esm",
    minify: true,
    sourcemap: true,
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".eot": "file", ".svg": "file" },
    logLevel: "warning",
  });
}
