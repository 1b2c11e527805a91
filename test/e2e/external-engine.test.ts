import { expect } from "chai";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unwrap } from "../../lib/engine/client.js";
import { freePort } from "../../lib/engine/free-port.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { pathwayHarness } from "../support/pathway-harness.js";
import { until } from "../support/until.js";
import { consentAnswers } from "../support/consent-answers.js";

/**
 * Production's shape on one machine: the engine in its own process, and the app (web + workers)
 * in another, told only ENGINE_URL and the admin's basic-auth credentials. A joint assessment
 * runs from referral to the end with the app's real workers serving every external task: nothing
 * in the app or the workers reaches past the REST API.
 */
describe("app and workers against an engine at ENGINE_URL", function () {
  this.timeout(300_000);
  let engine: TestEngine;
  /** completes tasks only: the app's own workers serve the external tasks */
  let walk: ReturnType<typeof pathwayHarness>;
  let app: ChildProcess;
  let dataDir: string;
  let output = "";

  before(async () => {
    engine = await useEngine();
    walk = pathwayHarness(engine, { formsNow: new Date(), waitMs: 60_000 });
    dataDir = mkdtempSync(join(tmpdir(), "nivel-e2e-"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ENGINE_URL: engine.connection.url,
      ENGINE_ADMIN_USER: engine.connection.user,
      ENGINE_ADMIN_PASSWORD: engine.connection.password,
      // the service accounts the suite's engine already has (their passwords are the suite's)
      ENGINE_APP_PASSWORD: engine.app.password,
      ENGINE_WORKER_PASSWORD: engine.worker.password,
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      LOCK_DURATION_MS: "20000",
    };
    for (const name of ["DATABASE_URL", "APP_DATABASE_URL", "SMTP_URL", "ENGINE"]) delete env[name];
    app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    app.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    app.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await until(async () => {
      if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}):\n${output}`);
      return output.includes("web: listening") && output.includes("workers: ");
    }, 180_000);
  });

  after(async () => {
    if (app.exitCode === null) app.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("completes a joint assessment end to end, every external task served by the app's workers", async () => {
    expect(output).to.not.include("Starting the"); // no engine of its own
    const caseRef = `NIV-2026-${String(Date.now()).slice(-6)}`;
    const instance = unwrap(
      await engine.client.POST("/process-definition/key/{key}/start", {
        params: { path: { key: "joint-assessment" } },
        body: {
          businessKey: caseRef,
          variables: {
            caseRef: { value: caseRef, type: "String" },
            clientName: { value: "Testi Asiakas", type: "String" },
            referrerUserId: { value: engine.connection.user, type: "String" },
            referrerOrganisation: { value: "rise-prison", type: "String" },
            countyId: { value: "hva-ita-uusimaa", type: "String" },
            riseUnitId: { value: "rise-vantaan-vankila", type: "String" },
          },
        },
      }),
    );
    const id = instance.id!;
    const today = new Date().toISOString().slice(0, 10);
    await walk.complete(id, "kirjaa-ilmoitus", { contactDate: today, urgent: false, personalWorkerId: "sw.nieminen" });
    await walk.complete(id, "kirjaa-suostumus", consentAnswers(["goals", "services"]));
    await walk.complete(id, "sovi-tapaaminen", { meetingStart: `${today}T10:00`, meetingEnd: `${today}T11:00`, meetingPlace: "Vankila, neuvotteluhuone 2" });
    await walk.complete(id, "kirjaa-tapaaminen", {
      meetingStart: `${today}T10:00`,
      meetingEnd: `${today}T11:00`,
      meetingPlace: "Vankila, neuvotteluhuone 2",
      meetingSummary: "Ensimmäinen verkostotapaaminen pidetty.",
      moreMeetings: false,
    });
    await walk.complete(id, "johtopaatos", {
      needsMultiAgencyWork: true,
      services: ["housing", "income"],
      conclusionSummary: "Tarvitaan monitoimijaista sosiaalityötä asumiseen ja toimeentuloon.",
    });
    await walk.complete(id, "tarkista-suunnitelma", { planReviewDate: today, planReviewed: true });

    const finished = await until(async () => {
      const [h] = unwrap(await engine.client.GET("/history/process-instance", { params: { query: { processInstanceId: id } } }));
      return h?.state === "COMPLETED" ? h : undefined;
    }, 60_000);
    expect(finished.businessKey).to.equal(caseRef);

    const activities = unwrap(await engine.client.GET("/history/activity-instance", { params: { query: { processInstanceId: id } } }));
    const done = activities.filter((a) => a.endTime).map((a) => a.activityId);
    expect(done).to.include.members(["laske-maaraajat", "kutsu-verkosto", "ilmoita-tulos", "yhteensovita-suunnitelmat", "arviointi-valmis"]);

    const variables = unwrap(await engine.client.GET("/history/variable-instance", { params: { query: { processInstanceId: id, deserializeValues: false } } }));
    const byName = new Map(variables.map((v) => [v.name, v]));
    expect(byName.get("assessmentCompletionDue")?.type).to.equal("Date");
    expect(byName.get("assessmentStartDue")?.type).to.equal("Date");
    expect(["synced", "no-consent", "conflicts"]).to.include(byName.get("planSyncStatus")?.value);

    const incidents = unwrap(await engine.client.GET("/history/incident", { params: { query: { processInstanceId: id } } }));
    expect(incidents, "no external task failed on the way").to.deep.equal([]);
  });

  it("stops on SIGTERM and leaves the engine running", async () => {
    const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
    app.kill("SIGTERM");
    expect(await exited).to.equal(0);
    const stillThere = await engine.client.GET("/engine");
    expect(stillThere.response.ok).to.equal(true);
  });
});
