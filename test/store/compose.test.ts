import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
  APP_URL: "https://nivel.example.fi",
  SMTP_URL: "smtp://mailpit:1025",
};

const Service = z.object({
  image: z.string().optional(),
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

  it("is a valid compose file with the engine, PostgreSQL, db-init, app, workers and a dev-only mail catcher", function () {
    const { services, volumes } = validConfig();
    expect(Object.keys(services).sort()).to.deep.equal(["app", "db-init", "engine", "mailpit", "postgres", "workers"]);
    expect(services.mailpit!.profiles).to.deep.equal(["dev"]);
    for (const name of ["app", "db-init", "engine", "postgres", "workers"]) expect(services[name]!.profiles, name).to.equal(undefined);
    expect(Object.keys(volumes)).to.deep.equal(["postgres-data"]);
    expect(services.postgres!.volumes).to.deep.equal(["postgres-data:/var/lib/postgresql/data:rw"]);
  });

  it("runs Operaton 1.0.3 by default and Camunda 7.24 Run with ENGINE_IMAGE, REST authentication on in both", function () {
    const operaton = validConfig().services.engine!;
    expect(operaton.image).to.equal("operaton/operaton:1.0.3");
    const camunda = validConfig({ ...required, ENGINE_IMAGE: "camunda/camunda-bpm-platform:run-7.24.0" }).services.engine!;
    expect(camunda.image).to.equal("camunda/camunda-bpm-platform:run-7.24.0");
    for (const prefix of ["OPERATON", "CAMUNDA"]) {
      expect(operaton.environment).to.include({
        [`${prefix}_BPM_RUN_AUTH_ENABLED`]: "true",
        [`${prefix}_BPM_AUTHORIZATION_ENABLED`]: "true",
        [`${prefix}_BPM_RUN_EXAMPLE_ENABLED`]: "false",
        [`${prefix}_BPM_ADMIN_USER_ID`]: required.ENGINE_ADMIN_USER,
        [`${prefix}_BPM_ADMIN_USER_PASSWORD`]: required.ENGINE_ADMIN_PASSWORD,
      });
    }
    expect(operaton.environment).to.include({ DB_URL: "jdbc:postgresql://postgres:5432/nivel_engine", DB_PASSWORD: required.ENGINE_DB_PASSWORD });
    expect(operaton.ports, "the engine is not published").to.equal(undefined);
  });

  it("points the app and the workers at the engine and the app database, so no embedded engine starts", function () {
    const { services } = validConfig();
    for (const name of ["app", "workers"]) {
      expect(services[name]!.image, name).to.equal("nivel-app:latest");
      expect(services[name]!.environment, name).to.include({
        ENGINE_URL: "http://engine:8080/engine-rest",
        ENGINE_ADMIN_USER: required.ENGINE_ADMIN_USER,
        ENGINE_ADMIN_PASSWORD: required.ENGINE_ADMIN_PASSWORD,
        APP_DATABASE_URL: `postgres://nivel_app:${required.APP_DB_PASSWORD}@postgres:5432/nivel_app`,
        SMTP_URL: required.SMTP_URL,
        APP_URL: required.APP_URL,
      });
    }
    expect(services.workers!.command).to.deep.equal(["node", "--import", "tsx", "workers/main.ts"]);
  });

  it("has the app listen beyond its container's loopback and trust one proxy hop unless TRUST_PROXY says otherwise", function () {
    expect(validConfig().services.app!.environment).to.include({ HOST: "0.0.0.0", TRUST_PROXY: "1" });
    expect(validConfig({ ...required, TRUST_PROXY: "10.0.0.5" }).services.app!.environment).to.include({ TRUST_PROXY: "10.0.0.5" });
    expect(validConfig().services.workers!.environment, "the workers serve no port").not.to.have.property("HOST");
  });

  it("health-checks every long-running service except the workers, which serve no port", function () {
    const { services } = validConfig();
    for (const name of ["postgres", "engine"]) expect(services[name]!.healthcheck?.test, name).to.be.an("array").that.is.not.empty;
    // The app's check is the image's HEALTHCHECK (see the Dockerfile); the workers share the image, so theirs is off.
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
