import { expect } from "chai";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { basicAuthHeader, SERVICE_ACCOUNTS, SERVICE_GROUP } from "../lib/config.js";
import { deployableFiles } from "../lib/engine/deploy.js";
import { freePort } from "../lib/engine/free-port.js";
import { until } from "./support/until.js";

/** The README's first command: the whole system from an empty DATA_DIR, and Ctrl-C stops it all. */
describe("npm start", function () {
  this.timeout(300_000);
  let dataDir: string;
  let system: ChildProcess;
  let output = "";

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), "nivel-start-"));
  });
  after(() => {
    if (system.exitCode === null) system.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts the engine, deploys, creates the demo users, serves the web app, and stops everything on SIGINT", async () => {
    const [enginePort, webPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ENGINE_PORT: String(enginePort), PORT: String(webPort) };
    for (const name of ["ENGINE_URL", "ENGINE_ADMIN_USER", "ENGINE_ADMIN_PASSWORD", "DATABASE_URL", "APP_DATABASE_URL", "SMTP_URL"]) delete env[name];
    system = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    system.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    system.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

    await until(async () => output.includes("web: listening") && output.includes("workers: "), 240_000);
    expect(output).to.match(/Demo users \(for local use only\), password "Nivel-demo-1": rise\.virtanen/);

    const password = /^password=(.*)$/m.exec(readFileSync(join(dataDir, "engine-admin.properties"), "utf8"))?.[1];
    const auth = { Authorization: basicAuthHeader({ user: "admin", password: password! }) };
    const engineUrl = `http://127.0.0.1:${enginePort}/engine-rest`;
    const users = (await (await fetch(`${engineUrl}/user?memberOfGroup=county-social-worker`, { headers: auth })).json()) as { id: string }[];
    expect(users.map((u) => u.id)).to.include.members(["sw.nieminen", "sw.hamalainen"]);
    // the app and the workers run as service accounts whose generated passwords only the owner may read
    const service = (await (await fetch(`${engineUrl}/user?memberOfGroup=${SERVICE_GROUP}`, { headers: auth })).json()) as { id: string }[];
    expect(service.map((u) => u.id).sort()).to.deep.equal(Object.values(SERVICE_ACCOUNTS).sort());
    expect(statSync(join(dataDir, "engine-accounts.json")).mode & 0o777).to.equal(0o600);
    const deployed = (await (await fetch(`${engineUrl}/process-definition?latestVersion=true`, { headers: auth })).json()) as { key: string }[];
    const processIds = deployableFiles(["processes"])
      .filter((file) => file.endsWith(".bpmn"))
      .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/<bpmn:process id="([^"]+)"/g)].map((m) => m[1]!));
    expect(deployed.map((d) => d.key)).to.include.members(processIds);

    const page = await fetch(`http://127.0.0.1:${webPort}/`);
    expect(page.status).to.be.below(500);

    const exited = new Promise<number | null>((resolve) => system.once("exit", (code) => resolve(code)));
    system.kill("SIGINT");
    expect(await exited).to.equal(0);
    const engineGone = await fetch(`${engineUrl}/engine`).then(
      () => false,
      () => true,
    );
    expect(engineGone, "the engine stops with npm start").to.equal(true);
  });
});
