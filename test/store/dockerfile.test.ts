import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readMigrations } from "../../lib/store/migrate.js";

/**
 * The Dockerfile's build steps, performed without Docker by scripts/dockerfile-steps.sh (which
 * reads the Dockerfile), then the built runtime folder used the way the container uses it.
 */
describe("Dockerfile build steps (scripts/dockerfile-steps.sh, no Docker needed)", function () {
  this.timeout(600_000);
  let out = "";
  let runtime = "";

  before(function () {
    out = mkdtempSync(join(tmpdir(), "nivel-image-"));
    const build = spawnSync("bash", [resolve("scripts/dockerfile-steps.sh"), out], { encoding: "utf8" });
    expect(build.status, `${build.stdout}\n${build.stderr}`).to.equal(0);
    runtime = join(out, "runtime");
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it("is multi-stage on node:20-slim and runs `npm start` as the non-root node user", function () {
    const dockerfile = readFileSync("Dockerfile", "utf8");
    expect(dockerfile.match(/^FROM .*/gm)).to.deep.equal(["FROM node:20-slim AS deps", "FROM node:20-slim AS runtime"]);
    expect(dockerfile).to.match(/^RUN npm ci --omit=dev/m);
    expect(dockerfile).to.match(/^USER node$/m);
    expect(dockerfile).to.match(/^CMD \["npm", "start"\]$/m);
    expect(dockerfile.indexOf("USER node")).to.be.greaterThan(dockerfile.lastIndexOf("\nRUN "));
  });

  it("installs the production dependencies only, from the lock file", function () {
    for (const dep of ["tsx", "pg", "@electric-sql/pglite", "zod", "camunda-external-task-client-js", "express", "bpmnlint-plugin-nivel"]) {
      expect(existsSync(join(runtime, "node_modules", dep, "package.json")), dep).to.equal(true);
    }
    for (const dev of ["mocha", "chai", "typescript", "playwright-core"]) {
      expect(existsSync(join(runtime, "node_modules", dev)), dev).to.equal(false);
    }
    expect(existsSync(join(runtime, "test")), "tests stay out of the image").to.equal(false);
    expect(statSync(join(runtime, "data")).uid).to.equal(1000);
    expect(statSync(join(runtime, "web", "public", "build")).uid).to.equal(1000);
  });

  it("runs the app's TypeScript with only those dependencies: the store opens and migrates", function () {
    const script = [
      "const { openStore } = await import('./lib/store/index.ts');",
      "const store = await openStore({ backend: 'memory' });",
      "await store.audit.append({ actor: 'image-check', action: 'image.check', at: new Date() });",
      "console.log(JSON.stringify({ backend: store.backend, migrations: store.migrationsApplied, audit: (await store.audit.query({ actor: 'image-check' })).length }));",
      "await store.close();",
    ].join("\n");
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: runtime, encoding: "utf8", env: { PATH: process.env.PATH, NODE_ENV: "production" } });
    expect(run.status, run.stderr).to.equal(0);
    expect(JSON.parse(run.stdout.trim().split("\n").at(-1)!)).to.deep.equal({ backend: "pglite", migrations: readMigrations().map((m) => m.version), audit: 1 });
  });

  it("bundles the modeler as `npm start` does, with the lint rules of .bpmnlintrc, the project's own plugin among them", function () {
    const script = "const { bundleModeler } = await import('./web/client/modeler/bundle.ts'); await bundleModeler();";
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: runtime, encoding: "utf8", env: { PATH: process.env.PATH, NODE_ENV: "production" } });
    expect(run.status, run.stderr).to.equal(0);
    const bundle = readFileSync(join(runtime, "web", "public", "build", "modeler", "main.js"), "utf8");
    // a message of nivel/deployment-policy, compiled into the browser's copy of the rule
    expect(bundle).to.contain("must be an expression listener (camunda:expression)");
  });
});
