import { expect } from "chai";
import type { Client } from "camunda-external-task-client-js";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEngineClient, unwrap } from "../../lib/engine/client.js";
import { deployResources } from "../../lib/engine/deploy.js";
import { createWorkerClient } from "../../lib/engine/worker-client.js";
import { subscribeNotifications, type NotificationDeps } from "../../workers/notifications/notify.js";
import { openStore, type Store } from "../../lib/store/index.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { until } from "../support/until.js";
import { createGroup, createUser, isCompleted, openIncident, startProcess, type TypedVariables } from "./support/engine-helpers.js";
import { spawnCrashingNotifyWorker } from "./support/crashing-notify-worker.js";
import { notifyProcess } from "./support/notify-model.js";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "./support/smtp-sink.js";

const APP_URL = "https://nivel.test";
const CLIENT_NAME = "Matti Meikäläinen";
const IDENTITY_CODE = "131052-308T";
/** what a process may hold about the client; none of it may ever reach an e-mail */
const CLIENT_DATA: TypedVariables = {
  clientName: { value: CLIENT_NAME, type: "String" },
  clientIdentityCode: { value: IDENTITY_CODE, type: "String" },
};

/** Every readable form of a message: raw, decoded headers and bodies, decoded attachments. */
function everythingIn(mail: ReceivedMail): string {
  const parts = [mail.raw, mail.parsed.subject ?? "", mail.parsed.text ?? "", String(mail.parsed.html || "")];
  for (const a of mail.parsed.attachments) parts.push(a.content.toString("utf8"));
  return parts.join("\n");
}

function expectNoClientData(mails: ReceivedMail[]) {
  for (const mail of mails) {
    const all = everythingIn(mail);
    for (const secret of [CLIENT_NAME, "Meikäläinen", "Matti", IDENTITY_CODE]) expect(all).not.to.contain(secret);
  }
}

describe("notify worker", function () {
  this.timeout(120_000);
  let engine: TestEngine;
  let sink: SmtpSink;
  let client: Client | undefined;
  let store: Store | undefined;
  let dir: string;
  let run = 0;
  const stamp = Date.now().toString(36);
  // the engine's default resource id pattern allows letters and digits only
  const group = `notifytest${stamp}`;
  const u = (name: string) => `${name.replace(/-/g, "")}${stamp}`;

  before(async () => {
    engine = await useEngine();
    sink = await startSmtpSink();
    await createGroup(engine, group);
    await createUser(engine, u("sw-anna"), `anna-${stamp}@county.test`, [group]);
    await createUser(engine, u("sw-bror"), `bror-${stamp}@county.test`, [group]);
    for (const organisation of ["rise-vantaan-vankila", "hva-ita-uusimaa"]) {
      // the organisations the app's bootstrap creates (lib/engine/bootstrap.ts), on an engine that may not have run it
      if (!(await engine.client.GET("/group/{id}", { params: { path: { id: organisation } } })).response.ok) {
        unwrap(await engine.client.POST("/group/create", { body: { id: organisation, name: organisation, type: "ORGANISATION" } }));
      }
    }
    // a RISE officer of Vantaa prison and a county social worker of Itä-Uusimaa: consent decides what crosses to the first
    await createUser(engine, u("rise-referrer"), `referrer-${stamp}@rise.test`, ["rise-vantaan-vankila"]);
    await createUser(engine, u("pw-no-mail"), null, ["hva-ita-uusimaa"]);
  });
  after(async () => {
    await sink.close();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "nivel-notify-"));
    sink.received.length = 0;
    sink.down = false;
  });
  afterEach(async () => {
    client?.stop();
    client = undefined;
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  /** the app store on PGlite under the test's directory, where a worker process can open it too */
  async function openAppStore(): Promise<Store> {
    store = await openStore({ backend: "pglite", dataDir: join(dir, "app") });
    return store;
  }

  /** the dedupe key the worker uses, from the external task's activity instance */
  async function noticeKey(processInstanceId: string, template: string, userId: string, channel: "inbox" | "email") {
    const [task] = unwrap(await engine.client.GET("/external-task", { params: { query: { processInstanceId } } }));
    return `${processInstanceId}/${task!.activityInstanceId}/${template}/user:${userId}/${channel}`;
  }

  async function fresh(template: string, to: string) {
    run += 1;
    const key = `notify-test-${stamp}-${run}`;
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: notifyProcess(key, template, to) }], key);
    return { key, caseRef: `NIV-2026-${String(run).padStart(6, "0")}` };
  }

  /** the worker on the test's app store (opened here unless the test already has it open) */
  async function work(key: string, overrides: Partial<NotificationDeps> = {}, languages: Record<string, "fi" | "sv" | "en"> = {}) {
    const opened = store ?? (await openAppStore());
    // as the user chose in the tasklist (PUT /api/me/language)
    for (const [userId, language] of Object.entries(languages)) await opened.preferences.setLanguage(userId, language, new Date());
    const log: string[] = [];
    const lockDuration = overrides.lockDuration ?? 10_000;
    // a short long-poll: a task coming back after a retry timeout or a lock expiry wakes no waiting fetch
    client = createWorkerClient(engine.worker, { workerId: `notify-test-${run}`, lockDuration, asyncResponseTimeout: 1_000 });
    subscribeNotifications(client, {
      engine: createEngineClient(engine.worker),
      store: opened,
      smtpUrl: sink.url,
      mailFrom: "Nivel <no-reply@nivel.test>",
      appUrl: APP_URL,
      lockDuration,
      filter: { processDefinitionKey: key },
      retry: { retries: 2, firstDelayMs: 50 },
      log: (line) => log.push(line),
      ...overrides,
    });
    return { store: opened, log };
  }

  it("notifies a group, the referrer and the client's network once each, in their language, by inbox and e-mail", async () => {
    const { key, caseRef } = await fresh("referral-received", `group:${group}, referrer, network`);
    const { store } = await work(key, {}, { [u("sw-bror")]: "sv" });
    await store.network.add(
      { caseRef, name: "Pekka Vertainen", role: "kokemusasiantuntija", email: `peer-${stamp}@ngo.test`, language: "en", kind: "peer" },
      "sw.nieminen",
      new Date(),
    );
    const id = await startProcess(engine, key, caseRef, { ...CLIENT_DATA, referrerUserId: { value: u("rise-referrer"), type: "String" } });
    await until(() => isCompleted(engine, id));

    const byRecipient = Object.fromEntries(sink.received.map((m) => [m.envelopeTo.join(","), m.parsed]));
    expect(Object.keys(byRecipient)).to.have.members([
      `anna-${stamp}@county.test`,
      `bror-${stamp}@county.test`,
      `referrer-${stamp}@rise.test`,
      `peer-${stamp}@ngo.test`,
    ]);
    const link = `${APP_URL}/tasklist/cases/${caseRef}`;
    expect(byRecipient[`anna-${stamp}@county.test`]!.subject).to.equal(`Uusi yhteydenotto: ${caseRef}`);
    expect(byRecipient[`bror-${stamp}@county.test`]!.subject).to.equal(`Ny kontakt: ${caseRef}`);
    expect(byRecipient[`peer-${stamp}@ngo.test`]!.subject).to.equal(`New referral: ${caseRef}`);
    for (const mail of Object.values(byRecipient)) {
      expect(mail.text).to.contain(caseRef).and.contain(link);
      expect(mail.attachments).to.have.length(0);
    }
    expectNoClientData(sink.received);
    for (const mail of sink.received) expect(everythingIn(mail)).not.to.contain("Vertainen");

    for (const [userId, title] of [
      [u("sw-anna"), `Uusi yhteydenotto: ${caseRef}`],
      [u("sw-bror"), `Ny kontakt: ${caseRef}`],
      [u("rise-referrer"), `Uusi yhteydenotto: ${caseRef}`],
    ] as const) {
      const inbox = await store.inbox.listFor(userId);
      expect(inbox.map((e) => [e.caseRef, e.template, e.title, e.link])).to.deep.equal([[caseRef, "referral-received", title, `/tasklist/cases/${caseRef}`]]);
    }
  });

  it("sends a meeting invitation with an iCalendar attachment, and an inbox notice to a worker without e-mail", async () => {
    const { key, caseRef } = await fresh("meeting-invitation", "personal-worker, referrer");
    const { store } = await work(key);
    await store.consents.record(caseRef, { grants: [{ item: "meetings", to: "rise" }], purpose: "Yhteinen arviointi", givenHow: "in-person", validUntil: null }, "sw.nieminen", new Date());
    const id = await startProcess(engine, key, caseRef, {
      ...CLIENT_DATA,
      referrerUserId: { value: u("rise-referrer"), type: "String" },
      personalWorkerId: { value: u("pw-no-mail"), type: "String" },
      meetingStart: { value: "2026-12-07T10:00:00.000+0200", type: "Date" },
      meetingEnd: { value: "2026-12-07T11:30:00.000+0200", type: "Date" },
      meetingPlace: { value: "Vantaan vankila, neuvotteluhuone 2", type: "String" },
    });
    await until(() => isCompleted(engine, id));

    expect(sink.received).to.have.length(1);
    const [mail] = sink.received;
    expect(mail!.envelopeTo).to.deep.equal([`referrer-${stamp}@rise.test`]);
    expect(mail!.parsed.subject).to.equal(`Kutsu verkostotapaamiseen: ${caseRef}`);
    const [ics] = mail!.parsed.attachments;
    expect(ics!.contentType).to.equal("text/calendar");
    expect(ics!.filename).to.equal("invitation.ics");
    const calendar = ics!.content.toString("utf8").replace(/\r\n[ \t]/g, "");
    expect(calendar).to.contain("DTSTART:20261207T080000Z").and.contain("DTEND:20261207T093000Z");
    expect(calendar).to.contain("LOCATION:Vantaan vankila\\, neuvotteluhuone 2");
    expect(calendar).to.contain(`SUMMARY:Kutsu verkostotapaamiseen: ${caseRef}`);
    expectNoClientData(sink.received);

    expect(await store.inbox.listFor(u("rise-referrer"))).to.have.length(1);
    const [inbox] = await store.inbox.listFor(u("pw-no-mail"));
    expect(inbox!.body).to.contain("Vantaan vankila").and.contain("7.12.2026");
  });

  it("invites only whom the consent names: the network member granted the meetings, not the one without, and RISE only with the item", async () => {
    const { key, caseRef } = await fresh("meeting-invitation", "personal-worker, referrer, network");
    const { store } = await work(key);
    const granted = await store.network.add({ caseRef, name: "Pekka Vertainen", role: "kokemusasiantuntija", email: `granted-${stamp}@ngo.test`, language: "fi", kind: "peer" }, "sw.nieminen", new Date());
    await store.network.add({ caseRef, name: "Sari Sisar", role: "sisar", email: `not-granted-${stamp}@home.test`, language: "fi", kind: "relative" }, "sw.nieminen", new Date());
    // the goals may cross to RISE, the meetings to Pekka alone
    await store.consents.record(
      caseRef,
      { grants: [{ item: "goals", to: "rise" }, { item: "meetings", to: `network:${granted.id}` }], purpose: "Verkostotapaaminen", givenHow: "in-writing", validUntil: null },
      "sw.nieminen",
      new Date(),
    );
    const id = await startProcess(engine, key, caseRef, {
      referrerUserId: { value: u("rise-referrer"), type: "String" },
      personalWorkerId: { value: u("pw-no-mail"), type: "String" },
      meetingStart: { value: "2026-12-07T10:00:00.000+0200", type: "Date" },
      meetingEnd: { value: "2026-12-07T11:30:00.000+0200", type: "Date" },
      meetingPlace: { value: "Sosiaalitoimisto", type: "String" },
    });
    await until(() => isCompleted(engine, id));
    expect(sink.received.map((m) => m.envelopeTo.join(","))).to.deep.equal([`granted-${stamp}@ngo.test`]);
    expect(await store.inbox.listFor(u("rise-referrer")), "the meetings do not cross to RISE").to.deep.equal([]);
    expect(await store.inbox.listFor(u("pw-no-mail")), "the county's own worker").to.have.length(1);

    // withdrawn from Pekka too: the next invitation reaches the county's worker alone, and that is no incident
    await store.consents.record(caseRef, { grants: [{ item: "goals", to: "rise" }], purpose: "Verkostotapaaminen", givenHow: "in-writing", validUntil: null }, "sw.nieminen", new Date());
    sink.received.length = 0;
    const again = await startProcess(engine, key, caseRef, {
      referrerUserId: { value: u("rise-referrer"), type: "String" },
      personalWorkerId: { value: u("pw-no-mail"), type: "String" },
      meetingStart: { value: "2026-12-14T10:00:00.000+0200", type: "Date" },
      meetingEnd: { value: "2026-12-14T11:30:00.000+0200", type: "Date" },
      meetingPlace: { value: "Sosiaalitoimisto", type: "String" },
    });
    await until(() => isCompleted(engine, again));
    expect(sink.received).to.deep.equal([]);
    expect(await store.inbox.listFor(u("pw-no-mail"))).to.have.length(2);
  });

  it("fails the task with growing back-off while SMTP is down, raises an incident after the last retry, and sends once when retried", async () => {
    const { key, caseRef } = await fresh("deadline-passed", `group:${group}`);
    sink.down = true;
    const { store } = await work(key);
    const id = await startProcess(engine, key, caseRef, CLIENT_DATA);
    const incident = await until(() => openIncident(engine, id));
    expect(incident.incidentType).to.equal("failedExternalTask");
    expect(incident.incidentMessage).to.be.a("string").and.not.equal("");
    expect(sink.received).to.deep.equal([]);
    expect(await isCompleted(engine, id)).to.equal(false);

    const failures = unwrap(
      await engine.client.GET("/history/external-task-log", { params: { query: { processInstanceId: id, failureLog: true, sortBy: "timestamp", sortOrder: "asc" } } }),
    );
    // each failure is logged with the retries the task had before it: none set, then 2, then 1
    expect(failures.map((f) => f.retries)).to.deep.equal([null, 2, 1]);
    const [failed] = unwrap(await engine.client.GET("/external-task", { params: { query: { processInstanceId: id } } }));
    expect(failed!.retries).to.equal(0);
    // the inbox notices went out on the first attempt and were not repeated by the retries
    for (const userId of [u("sw-anna"), u("sw-bror")]) expect(await store.inbox.listFor(userId)).to.have.length(1);
    // no e-mail claim is left behind by a refused delivery
    expect(await store.notices.get(await noticeKey(id, "deadline-passed", u("sw-anna"), "email"))).to.equal(null);

    sink.down = false;
    const [task] = unwrap(await engine.client.GET("/external-task", { params: { query: { processInstanceId: id } } }));
    unwrap(await engine.client.PUT("/external-task/{id}/retries", { params: { path: { id: task!.id! } }, body: { retries: 1 } }));
    await until(() => isCompleted(engine, id));
    expect(sink.received.map((m) => m.envelopeTo.join())).to.have.members([`anna-${stamp}@county.test`, `bror-${stamp}@county.test`]);
    for (const userId of [u("sw-anna"), u("sw-bror")]) expect(await store.inbox.listFor(userId)).to.have.length(1);
  });

  it("turns bad variables into an incident with a readable message at once, and sends nothing", async () => {
    const cases: { template: string; to: string; variables: TypedVariables; message: RegExp }[] = [
      { template: "birthday-greeting", to: "referrer", variables: {}, message: /template/ },
      { template: "outcome-to-referrer", to: "referrer", variables: {}, message: /referrerUserId/ },
      { template: "outcome-to-referrer", to: "everyone", variables: {}, message: /'to' has 'everyone'/ },
      { template: "meeting-invitation", to: `group:${group}`, variables: {}, message: /meetingStart: required/ },
      { template: "plan-review-due", to: `user:${u("nobody")}`, variables: {}, message: /does not exist/ },
    ];
    for (const c of cases) {
      const { key, caseRef } = await fresh(c.template, c.to);
      await work(key);
      const id = await startProcess(engine, key, caseRef, { ...CLIENT_DATA, ...c.variables });
      const incident = await until(() => openIncident(engine, id));
      expect(incident.incidentMessage).to.match(c.message);
      expect(incident.incidentMessage).not.to.contain(CLIENT_NAME);
      // one failure, straight to no retries
      const failures = unwrap(await engine.client.GET("/history/external-task-log", { params: { query: { processInstanceId: id, failureLog: true } } }));
      expect(failures).to.have.length(1);
      const [failed] = unwrap(await engine.client.GET("/external-task", { params: { query: { processInstanceId: id } } }));
      expect(failed!.retries).to.equal(0);
      client?.stop();
      await store?.close();
      store = undefined;
    }
    expect(sink.received).to.deep.equal([]);
  });

  it("without SMTP says so at start and notifies through the inbox only", async () => {
    const { key, caseRef } = await fresh("personal-worker-named", "personal-worker");
    const { store, log } = await work(key, { smtpUrl: undefined });
    expect(log.join("\n")).to.match(/no SMTP_URL.*inbox only/);
    const id = await startProcess(engine, key, caseRef, { personalWorkerId: { value: u("sw-anna"), type: "String" } });
    await until(() => isCompleted(engine, id));
    expect((await store.inbox.listFor(u("sw-anna"))).map((e) => e.title)).to.deep.equal([`Sinut on nimetty omatyöntekijäksi: ${caseRef}`]);
    expect(sink.received).to.deep.equal([]);
  });

  for (const crashAt of ["after-send", "after-claim"] as const) {
    it(`completes the task with exactly one e-mail after the worker process is killed ${crashAt.replace("-", " ")}ing`, async () => {
      const { key, caseRef } = await fresh("outcome-to-referrer", "referrer");
      const lockDuration = 3_000;
      const worker = spawnCrashingNotifyWorker({
        connection: engine.worker,
        storeDir: join(dir, "app"),
        smtpUrl: sink.url,
        appUrl: APP_URL,
        processDefinitionKey: key,
        lockDuration,
        crashAt,
      });
      const exited = once(worker, "exit");
      const id = await startProcess(engine, key, caseRef, { ...CLIENT_DATA, referrerUserId: { value: u("rise-referrer"), type: "String" } });
      const [, signal] = await exited;
      expect(signal).to.equal("SIGKILL");
      expect(await isCompleted(engine, id)).to.equal(false);
      const emailKey = await noticeKey(id, "outcome-to-referrer", u("rise-referrer"), "email");
      const left = await openAppStore();
      expect((await left.notices.get(emailKey))?.state).to.equal(crashAt === "after-send" ? "sent" : "pending");
      expect(sink.received).to.have.length(crashAt === "after-send" ? 1 : 0);

      const { store } = await work(key, { lockDuration });

      await until(() => isCompleted(engine, id));
      expect(sink.received).to.have.length(1);
      expect(sink.received[0]!.envelopeTo).to.deep.equal([`referrer-${stamp}@rise.test`]);
      expect(sink.received[0]!.parsed.subject).to.equal(`Palvelutarpeen arvioinnin tulos: ${caseRef}`);
      expect(await store.inbox.listFor(u("rise-referrer"))).to.have.length(1);
      expect((await store.notices.get(emailKey))?.state).to.equal("sent");
      expectNoClientData(sink.received);
    });
  }
});
