import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

/** The variables docker-compose.yml refuses to run without: every secret, and the app's address. */
const required = {
  POSTGRES_PASSWORD: "pg-superuser-secret",
  ENGINE_DB_PASSWORD: "engine-db-secret",
  APP_DB_PASSWORD: "app-db-secret",
  ENGINE_ADMIN_USER: "nivel-admin",
  ENGINE_ADMIN_PASSWORD: "engine-admin-secret",
  ENGINE_APP_PASSWORD: "engine-app-secret",
  ENGINE_WORKER_PASSWORD: "engine-worker-secret",
  APP_URL: "https://nivel.example.fi",
  SMTP_URL: "smtp://mailpit:1025",
};

const Service = z.object({
  image: z.string().optional(),
  build: z.object({ context: z.string(), args: z.record(z.string(), z.string()).optional() }).optional(),
  user: z.string().optional(),
  environment: z.record(z.string(), z.string()).default({}),
  healthcheck: z.object({ test: z.array(z.string()) }).partial().optional(),
  profiles: z.array(z.string()).optional(),
  command: z.array(z.string()).optional(),
  ports: z.array(z.unknown()).optional(),
  volumes: z.array(z.string()).optional(),
});
const Compose = z.object({ services: z.record(z.string(), Service), volumes: z.record(z.string(), z.unknown()) });

let emptyEnvFile = "";

/** `docker-compose config` with exactly `vars` as the environment (an empty .env file, nothing inherited). */
function config(vars: Record<string, string>) {
  const result = spawnSync("docker-compose", ["--env-file", emptyEnvFile, "-f", "docker-compose.yml", "config"], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...vars },
  });
  if (result.error && "code" in result.error && result.error.code === "ENOENT") {
    throw new Error("docker-compose is not installed: run `apt-get update && apt-get install -y docker-compose` (Debian's package) and run the test again");
  }
  return result;
}

function validConfig(vars: Record<string, string> = required) {
  const result = config(vars);
  expect(result.status, result.stderr).to.equal(0);
  return Compose.parse(parse(result.stdout));
}

describe("docker-compose.yml (validated by docker-compose config)", function () {
  let scratch = "";
  before(function () {
    scratch = mkdtempSync(join(tmpdir(), "nivel-compose-"));
    emptyEnvFile = join(scratch, "empty.env");
    writeFileSync(emptyEnvFile, "");
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("is a valid compose file with the engine, PostgreSQL, db-init, engine-init, app, workers and a dev-only mail catcher", function () {
    const { services, volumes } = validConfig();
    expect(Object.keys(services).sort()).to.deep.equal(["app", "db-init", "engine", "engine-init", "mailpit", "postgres", "workers"]);
    expect(services.mailpit!.profiles).to.deep.equal(["dev"]);
    for (const name of ["app", "db-init", "engine", "engine-init", "postgres", "workers"]) expect(services[name]!.profiles, name).to.equal(undefined);
    expect(Object.keys(volumes)).to.deep.equal(["postgres-data"]);
    expect(services.postgres!.volumes).to.deep.equal(["postgres-data:/var/lib/postgresql/data:rw"]);
  });

  it("builds Nivel's own engine from engine/ (Operaton by default, Camunda 7.24 with ENGINE=camunda), never as root, never published", function () {
    const operaton = validConfig().services.engine!;
    expect(operaton.build?.context).to.match(/\/engine$/);
    expect(operaton.build?.args).to.deep.equal({ ENGINE: "operaton" });
    expect(operaton.image).to.equal("nivel-engine:operaton-latest");
    const camunda = validConfig({ ...required, ENGINE: "camunda" }).services.engine!;
    expect(camunda.build?.args).to.deep.equal({ ENGINE: "camunda" });
    expect(operaton.user).to.equal("1000:1000");
    expect(operaton.environment).to.include({
      DATABASE_URL: `postgres://nivel_engine:${required.ENGINE_DB_PASSWORD}@postgres:5432/nivel_engine`,
      ENGINE_ADMIN_USER: required.ENGINE_ADMIN_USER,
      ENGINE_ADMIN_PASSWORD: required.ENGINE_ADMIN_PASSWORD,
      ENGINE_BIND: "0.0.0.0",
      ENGINE_WEBAPPS: "false",
    });
    expect(operaton.ports, "the engine is not published").to.equal(undefined);
    const dockerfile = readFileSync("engine/Dockerfile", "utf8");
    expect(dockerfile).to.match(/^USER 1000:1000$/m);
    expect(dockerfile.indexOf("USER 1000:1000")).to.be.greaterThan(dockerfile.lastIndexOf("\nRUN "));
    // the engine's application keeps authorization on in every setup: it is not a setting compose could turn off
    expect(readFileSync("engine/src/main/resources/application.yaml", "utf8")).to.match(/authorization:\n\s+enabled: true/);
  });

  it("gives the engine admin's credentials to engine-init alone; the app and the workers each get their own account", function () {
    const { services } = validConfig();
    expect(services["engine-init"]!.command).to.deep.equal(["node", "--import", "tsx", "scripts/bootstrap.ts"]);
    expect(services["engine-init"]!.environment).to.include({
      ENGINE_URL: "http://engine:8080/engine-rest",
      ENGINE_ADMIN_USER: required.ENGINE_ADMIN_USER,
      ENGINE_ADMIN_PASSWORD: required.ENGINE_ADMIN_PASSWORD,
      ENGINE_APP_PASSWORD: required.ENGINE_APP_PASSWORD,
      ENGINE_WORKER_PASSWORD: required.ENGINE_WORKER_PASSWORD,
    });
    const shared = {
      ENGINE_URL: "http://engine:8080/engine-rest",
      APP_DATABASE_URL: `postgres://nivel_app:${required.APP_DB_PASSWORD}@postgres:5432/nivel_app`,
      SMTP_URL: required.SMTP_URL,
      APP_URL: required.APP_URL,
    };
    expect(services.app!.environment).to.include({ ...shared, ENGINE_APP_PASSWORD: required.ENGINE_APP_PASSWORD });
    expect(services.workers!.environment).to.include({ ...shared, ENGINE_WORKER_PASSWORD: required.ENGINE_WORKER_PASSWORD });
    for (const name of ["app", "workers", "engine-init"]) expect(services[name]!.image, name).to.equal("nivel-app:latest");
    for (const name of ["app", "workers"]) {
      expect(Object.keys(services[name]!.environment), name).to.not.include.members(["ENGINE_ADMIN_USER", "ENGINE_ADMIN_PASSWORD"]);
    }
    expect(services.app!.environment).to.not.have.property("ENGINE_WORKER_PASSWORD");
    expect(services.workers!.environment).to.not.have.property("ENGINE_APP_PASSWORD");
    expect(services.app!.command).to.deep.equal(["node", "--import", "tsx", "web/server/main.ts"]);
    expect(services.workers!.command).to.deep.equal(["node", "--import", "tsx", "workers/main.ts"]);
  });

  it("has the app listen beyond its container's loopback and trust one proxy hop unless TRUST_PROXY says otherwise", function () {
    expect(validConfig().services.app!.environment).to.include({ HOST: "0.0.0.0", TRUST_PROXY: "1" });
    expect(validConfig({ ...required, TRUST_PROXY: "10.0.0.5" }).services.app!.environment).to.include({ TRUST_PROXY: "10.0.0.5" });
    expect(validConfig().services.workers!.environment, "the workers serve no port").not.to.have.property("HOST");
  });

  it("health-checks every long-running service except the workers, which serve no port", function () {
    const { services } = validConfig();
    expect(services.postgres!.healthcheck?.test).to.be.an("array").that.is.not.empty;
    // the engine's and the app's checks are their images' HEALTHCHECKs; the workers share the app's image, so theirs is off
    expect(readFileSync("engine/Dockerfile", "utf8")).to.match(/^HEALTHCHECK .*\n\s+CMD .*actuator\/health/m);
    expect(services.engine!.healthcheck).to.equal(undefined);
    expect(services.app!.healthcheck).to.equal(undefined);
    expect(services.workers!.healthcheck).to.deep.equal({ test: ["NONE"] }); // how compose writes `disable: true`
  });

  it("has no secret of its own: each missing variable stops it with a message naming it", function () {
    for (const name of Object.keys(required)) {
      const { [name]: _missing, ...rest } = required as Record<string, string>;
      const result = config(rest);
      expect(result.status, `${name} missing`).to.not.equal(0);
      expect(result.stderr, `${name} missing`).to.contain(`set ${name}`);
    }
  });
});
