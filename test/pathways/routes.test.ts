import { readFileSync } from "node:fs";
import { expect } from "chai";
import { Variables, type Client } from "camunda-external-task-client-js";
import { basicAuthHeader } from "../../lib/config.js";
import { deployFiles, deployableFiles } from "../../lib/engine/deploy.js";
import { createWorkerClient } from "../../lib/engine/worker-client.js";
import { parseForm } from "../../lib/forms/form-definition.js";
import { validateSubmission } from "../../lib/forms/submission.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { until } from "../support/until.js";

describe("pathway routes on the engine", function () {
  this.timeout(180_000);
  let engine: TestEngine;
  let client: Client | undefined;
  const stamp = Date.now().toString(36);
  let run = 0;

  async function rest<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${engine.connection.url}${path}`, {
      method,
      headers: { Authorization: basicAuthHeader(engine.connection), "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  before(async () => {
    engine = await useEngine();
    const result = await deployFiles(engine.connection, deployableFiles(["processes", "forms"]), "nivel-pathways");
    expect(result.id).to.be.a("string");
  });
  afterEach(() => {
    client?.stop();
    client = undefined;
  });

  /** Completes the instance's one open task after checking the data against the task's own form. */
  /** the first meeting, agreed before the invitation goes out */
  const firstMeeting = { meetingStart: "2026-11-26T10:00", meetingEnd: "2026-11-26T11:30", meetingPlace: "Vankila, neuvotteluhuone" };

  async function completeTask(instanceId: string, taskKey: string, submission: Record<string, unknown>) {
    const tasks = await until(async () => {
      const found = await rest<{ id: string }[]>("GET", `/task?processInstanceId=${instanceId}&taskDefinitionKey=${taskKey}`);
      return found.length === 1 ? found : undefined;
    });
    const form = await rest<{ camundaFormRef?: { key: string } | null; operatonFormRef?: { key: string } | null }>("GET", `/task/${tasks[0]!.id}/form`);
    // Operaton names the same field after itself
    const formId = (form.camundaFormRef ?? form.operatonFormRef)?.key;
    expect(formId, "the task names its form").to.be.a("string");
    const result = validateSubmission(parseForm(JSON.parse(readFileSync(`forms/${formId}.form`, "utf8"))), submission);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    await rest("POST", `/task/${tasks[0]!.id}/complete`, { variables: result.variables });
  }

  function serveWorkers(deadlines: Record<string, string>) {
    client = createWorkerClient(engine.connection, { workerId: `routes-${stamp}` });
    client.subscribe("deadline-compute", async ({ task, taskService }) => {
      const vars = new Variables();
      for (const [name, iso] of Object.entries(deadlines)) vars.setTyped(name, { type: "Date", value: iso.replace("Z", "+0000"), valueInfo: {} });
      await taskService.complete(task, vars);
    });
    client.subscribe("plan-sync", async ({ task, taskService }) => {
      const vars = new Variables().setAll({ planSyncStatus: "synced", planConflictCount: 0 });
      await taskService.complete(task, vars);
    });
    for (const topic of ["notify", "consent-record", "deadline-escalate"]) {
      client.subscribe(topic, async ({ task, taskService }) => taskService.complete(task));
    }
  }

  async function visited(instanceId: string): Promise<string[]> {
    const list = await rest<{ activityId: string }[]>("GET", `/history/activity-instance?processInstanceId=${instanceId}&sortBy=startTime&sortOrder=asc`);
    return list.map((a) => a.activityId);
  }

  it("deploys both pathways", async () => {
    const defs = await rest<{ key: string }[]>("GET", "/process-definition?latestVersion=true&keysIn=joint-assessment,release-preparation");
    expect(defs.map((d) => d.key).sort()).to.deep.equal(["joint-assessment", "release-preparation"]);
  });

  it("joint assessment: the client declines consent, the referrer is told and the case ends 'Ei suostumusta'", async () => {
    run += 1;
    serveWorkers({ assessmentStartDue: "2026-12-02T00:00:00.000Z", assessmentCompletionDue: "2027-02-23T00:00:00.000Z", assessmentStartWarning: "2026-11-30T00:00:00.000Z", assessmentCompletionWarning: "2027-02-09T00:00:00.000Z" });
    const caseRef = `NIV-2026-${stamp}-${run}`;
    const started = await rest<{ id: string }>("POST", "/process-definition/key/joint-assessment/start", {
      businessKey: caseRef,
      variables: { caseRef: { value: caseRef, type: "String" }, referrerUserId: { value: "rise.virtanen", type: "String" } },
    });
    await completeTask(started.id, "kirjaa-ilmoitus", { contactDate: "2026-11-23", urgent: false });
    await completeTask(started.id, "kirjaa-suostumus", { consentGiven: false });
    await until(async () => ((await rest<{ state: string }>("GET", `/history/process-instance/${started.id}`)).state === "COMPLETED" ? true : undefined));
    const route = await visited(started.id);
    expect(route).to.include.members(["laske-maaraajat", "tallenna-suostumus", "ilmoita-ei-suostumusta", "ei-suostumusta-sp", "ei-suostumusta"]);
    expect(route).to.not.include("kutsu-verkosto");
  });

  it("joint assessment: consent, two meetings, a start warning that does not stop the work, conclusion and joint plan", async () => {
    run += 1;
    const due = { assessmentStartDue: "2026-12-02T00:00:00.000Z", assessmentCompletionDue: "2027-02-23T00:00:00.000Z", assessmentStartWarning: "2026-11-30T00:00:00.000Z", assessmentCompletionWarning: "2027-02-09T00:00:00.000Z" };
    serveWorkers(due);
    const caseRef = `NIV-2026-${stamp}-${run}`;
    const started = await rest<{ id: string }>("POST", "/process-definition/key/joint-assessment/start", {
      businessKey: caseRef,
      variables: { caseRef: { value: caseRef, type: "String" }, referrerUserId: { value: "rise.virtanen", type: "String" } },
    });
    await completeTask(started.id, "kirjaa-ilmoitus", { contactDate: "2026-11-23" });
    await completeTask(started.id, "kirjaa-suostumus", { consentGiven: true, consentItems: ["goals", "services"] });
    await completeTask(started.id, "sovi-tapaaminen", firstMeeting);

    const jobs = await until(async () => {
      const found = await rest<{ id: string; dueDate: string; jobDefinitionId: string }[]>("GET", `/job?processInstanceId=${started.id}&timers=true`);
      return found.length === 4 ? found : undefined;
    });
    const defs = await rest<{ id: string; activityId: string }[]>("GET", `/job-definition?processDefinitionKey=joint-assessment`);
    const byActivity = Object.fromEntries(jobs.map((j) => [defs.find((d) => d.id === j.jobDefinitionId)!.activityId, new Date(j.dueDate).toISOString()]));
    expect(byActivity).to.deep.equal({
      "aloitus-varoitus": due.assessmentStartWarning,
      "aloitus-ylitetty": due.assessmentStartDue,
      "valmistuminen-varoitus": due.assessmentCompletionWarning,
      "valmistuminen-ylitetty": due.assessmentCompletionDue,
    });
    // the invitation's external task must be done first, or the timer and the worker race on the same execution
    await until(async () => ((await rest<unknown[]>("GET", `/task?processInstanceId=${started.id}&taskDefinitionKey=kirjaa-tapaaminen`)).length === 1 ? true : undefined));
    const warning = jobs.find((j) => defs.find((d) => d.id === j.jobDefinitionId)!.activityId === "aloitus-varoitus")!;
    await rest("POST", `/job/${warning.id}/execute`);
    await until(async () => ((await visited(started.id)).includes("aloitus-varoitus-loppu") ? true : undefined));

    const meeting = { meetingStart: "2026-12-01T10:00+02:00", meetingEnd: "2026-12-01T11:30+02:00", meetingPlace: "Hämeenlinnan vankila", meetingSummary: "Kartoitettiin asuminen" };
    await completeTask(started.id, "kirjaa-tapaaminen", { ...meeting, moreMeetings: true });
    await completeTask(started.id, "kirjaa-tapaaminen", { ...meeting, moreMeetings: false });
    await completeTask(started.id, "johtopaatos", { needsMultiAgencyWork: true, services: ["housing", "income"], conclusionSummary: "Monialainen työ tarpeen" });
    await completeTask(started.id, "tarkista-suunnitelma", { planReviewDate: "2027-03-01", planReviewed: true });
    await until(async () => ((await rest<{ state: string }>("GET", `/history/process-instance/${started.id}`)).state === "COMPLETED" ? true : undefined));

    const route = await visited(started.id);
    expect(route.filter((a) => a === "kirjaa-tapaaminen")).to.have.length(2);
    expect(route).to.include.members(["aloitus-varoitus-eskaloi", "aloitus-varoitus-ilmoita", "kutsu-verkosto", "ilmoita-tulos", "yhteensovita-suunnitelmat", "arviointi-paattyi"]);
    expect(route).to.not.include("ei-suostumusta");
    const vars = await rest<{ value: unknown }[]>("GET", `/history/variable-instance?processInstanceId=${started.id}&variableName=planSyncStatus`);
    expect(vars.map((v) => v.value)).to.deep.equal(["synced"]);
  });

  it("joint assessment: consent withdrawn during the assessment stops it and tells the referrer", async () => {
    run += 1;
    serveWorkers({ assessmentStartDue: "2026-12-02T00:00:00.000Z", assessmentCompletionDue: "2027-02-23T00:00:00.000Z", assessmentStartWarning: "2026-11-30T00:00:00.000Z", assessmentCompletionWarning: "2027-02-09T00:00:00.000Z" });
    const caseRef = `NIV-2026-${stamp}-${run}`;
    const started = await rest<{ id: string }>("POST", "/process-definition/key/joint-assessment/start", {
      businessKey: caseRef,
      variables: { caseRef: { value: caseRef, type: "String" } },
    });
    await completeTask(started.id, "kirjaa-ilmoitus", { contactDate: "2026-11-23" });
    await completeTask(started.id, "kirjaa-suostumus", { consentGiven: true, consentItems: ["goals"] });
    await completeTask(started.id, "sovi-tapaaminen", firstMeeting);
    await until(async () => ((await rest<unknown[]>("GET", `/task?processInstanceId=${started.id}&taskDefinitionKey=kirjaa-tapaaminen`)).length === 1 ? true : undefined));
    await rest("POST", "/message", { messageName: "ConsentWithdrawn", businessKey: caseRef });
    await until(async () => ((await rest<{ state: string }>("GET", `/history/process-instance/${started.id}`)).state === "COMPLETED" ? true : undefined));
    const route = await visited(started.id);
    expect(route).to.include.members(["suostumus-peruttu", "ilmoita-peruutus", "suostumus-peruttu-loppu"]);
    expect(route).to.not.include("johtopaatos");
  });

  it("release preparation: the joint assessment runs as a called case under the same case reference; no consent ends phase B", async () => {
    run += 1;
    serveWorkers({ assessmentStartDue: "2026-12-02T00:00:00.000Z", assessmentCompletionDue: "2027-01-15T00:00:00.000Z", assessmentStartWarning: "2026-11-30T00:00:00.000Z", assessmentCompletionWarning: "2027-01-01T00:00:00.000Z" });
    const caseRef = `NIV-2026-${stamp}-${run}`;
    const started = await rest<{ id: string }>("POST", "/process-definition/key/release-preparation/start", {
      businessKey: caseRef,
      variables: { caseRef: { value: caseRef, type: "String" }, referrerUserId: { value: "rise.virtanen", type: "String" } },
    });
    await completeTask(started.id, "ota-yhteytta", { releaseDate: "2027-01-15", needDescription: "Asunto puuttuu" });
    await completeTask(started.id, "kirjaa-yhteydenotto", { contactDate: "2026-11-23" });
    const child = await until(async () => (await rest<{ id: string; businessKey: string }[]>("GET", `/process-instance?superProcessInstance=${started.id}`))[0]);
    expect(child.businessKey).to.equal(caseRef);
    await completeTask(child.id, "kirjaa-ilmoitus", { contactDate: "2026-11-23", releaseDate: "2027-01-15" });
    await completeTask(child.id, "kirjaa-suostumus", { consentGiven: false });
    await until(async () => ((await rest<{ state: string }>("GET", `/history/process-instance/${started.id}`)).state === "COMPLETED" ? true : undefined));
    const route = await visited(started.id);
    expect(route).to.include.members(["yhteinen-arviointi", "monialainen-tarve", "ei-monialaista-tyota"]);
    expect(route).to.not.include("nimea-omatyontekija");
  });
});
