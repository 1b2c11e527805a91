import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";

/** A refusal as the engine's 400 gives it: the element named (mainElementId) and the message. */
export type Refusal = [elementId: string | null, message: string];

const POLICY_SOURCES = ["DeploymentPolicy.java", "ExpressionGrammar.java"].map((f) => resolve("engine/src/main/java/fi/nivel/engine/policy", f));
const ORACLE_SOURCE = resolve("test/security/deployment-policy/PolicyOracle.java");
const Line = z.tuple([z.string(), z.string().nullable(), z.string()]);

/**
 * The engine's own policy code (engine/src/main/java/fi/nivel/engine/policy, plain JDK), compiled
 * from source with PolicyOracle.java, which reads a document as the engine's parse does. Runs
 * without an engine, so the lint rule can be held against it on many more documents than are
 * worth a deployment each.
 */
export class EnginePolicy {
  private constructor(private readonly classes: string) {}

  static compile(): EnginePolicy {
    const classes = mkdtempSync(join(tmpdir(), "nivel-policy-"));
    const javac = spawnSync("javac", ["-d", classes, ...POLICY_SOURCES, ORACLE_SOURCE], { encoding: "utf8" });
    if (javac.error || javac.status !== 0) throw new Error(`javac could not compile the engine's policy: ${javac.error?.message ?? javac.stderr}`);
    return new EnginePolicy(classes);
  }

  /** Each document's refusals, in the engine's words without its prefix and "(element …)" suffix. */
  check(documents: string[]): Refusal[][] {
    const files = documents.map((xml, i) => {
      const file = join(this.classes, `document-${i}.bpmn`);
      writeFileSync(file, xml);
      return file;
    });
    const run = spawnSync("java", ["-cp", this.classes, "PolicyOracle", ...files], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (run.error || run.status !== 0) throw new Error(`the engine's policy failed: ${run.error?.message ?? run.stderr}`);
    const refusals = files.map((): Refusal[] => []);
    for (const line of run.stdout.split("\n").filter(Boolean)) {
      const [file, id, message] = Line.parse(JSON.parse(line));
      refusals[files.indexOf(file)]!.push([id, words(message, id)]);
    }
    return refusals;
  }

  close(): void {
    rmSync(this.classes, { recursive: true, force: true });
  }
}

/** the message without DeploymentPolicy.PREFIX and the " (element id)" that on(id) appends */
function words(message: string, id: string | null): string {
  const prefix = "Nivel deployment policy: ";
  const suffix = id === null ? "" : ` (element ${id})`;
  if (!message.startsWith(prefix) || !message.endsWith(suffix)) throw new Error(`not a policy message: ${message}`);
  return message.slice(prefix.length, message.length - suffix.length);
}
