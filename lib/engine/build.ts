import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export type EngineKind = "operaton" | "camunda";

const engineDir = fileURLToPath(new URL("../../engine/", import.meta.url));

export function engineKindFromEnv(env: NodeJS.ProcessEnv = process.env): EngineKind {
  const kind = env.ENGINE ?? "operaton";
  if (kind !== "operaton" && kind !== "camunda") {
    throw new Error(`ENGINE must be "operaton" or "camunda", not "${kind}"`);
  }
  return kind;
}

export function engineJar(kind: EngineKind): string {
  return join(engineDir, "target", kind, `nivel-engine-${kind}.jar`);
}

/** Explains in one line what is missing, or returns undefined when Java 17+ and Maven are there. */
export function missingToolchain(): string | undefined {
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.error) return "Java 17 or newer is needed to run the engine: install a JDK (e.g. apt-get install openjdk-17-jdk-headless).";
  const major = /version "(\d+)/.exec(java.stderr)?.[1];
  if (major && Number(major) < 17) return `Java 17 or newer is needed to run the engine; found Java ${major}.`;
  const mvn = spawnSync("mvn", ["-v"], { encoding: "utf8" });
  if (mvn.error) return "Maven 3.8 or newer is needed to build the engine: install it (e.g. apt-get install maven).";
  return undefined;
}

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the engine jar for `kind` unless it is newer than every source of the engine module. */
export function ensureEngineBuilt(kind: EngineKind, log: (line: string) => void = console.log): string {
  const jar = engineJar(kind);
  const sources = Math.max(
    statSync(join(engineDir, "pom.xml")).mtimeMs,
    newestSourceTime(join(engineDir, "src")),
    newestSourceTime(join(engineDir, "maven-repo")),
  );
  if (existsSync(jar) && statSync(jar).mtimeMs >= sources) return jar;
  const missing = missingToolchain();
  if (missing) throw new Error(missing);
  log(`Building the ${kind} engine with Maven (once; again only when engine/ changes)…`);
  const args = ["-q", "-B", "package", "-DskipTests", ...(kind === "camunda" ? ["-Pcamunda"] : [])];
  const result = spawnSync("mvn", args, { cwd: engineDir, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`The engine build failed (mvn ${args.join(" ")} in engine/)`);
  return jar;
}
