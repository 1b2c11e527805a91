import type { Plugin } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { bundlePage } from "../shared/bundle-page.js";

const require = createRequire(import.meta.url);
const compileConfig = require("bpmnlint/lib/support/compile-config") as (config: unknown) => Promise<string>;

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const LINT_CONFIG_MODULE = "nivel:bpmnlint-config";

/**
 * Compiles the repository's .bpmnlintrc, the rules `npm test` lints with, into a module that
 * imports each rule, so the browser lints with exactly the same rules.
 */
function bpmnlintConfig(rcFile: string): Plugin {
  return {
    name: "bpmnlint-config",
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${LINT_CONFIG_MODULE}$`) }, () => ({ path: rcFile, namespace: "bpmnlint-config" }));
      b.onLoad({ filter: /.*/, namespace: "bpmnlint-config" }, async () => ({
        contents: await compileConfig(JSON.parse(readFileSync(rcFile, "utf8"))),
        resolveDir: repoRoot,
        loader: "js",
        watchFiles: [rcFile],
      }));
    },
  };
}

/** Bundles the modeler page script, its styles and the lint rules into web/public/build/modeler/. */
export async function bundleModeler(rcFile = `${repoRoot}.bpmnlintrc`): Promise<void> {
  if (!existsSync(rcFile)) throw new Error(`The modeler lints with the rules of ${rcFile}, which is missing.`);
  await bundlePage("modeler", [bpmnlintConfig(rcFile)]);
}
