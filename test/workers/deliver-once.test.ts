import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deliverOnce } from "../../workers/notifications/deliver-once.js";
import { RetryLater } from "../../workers/notifications/task-failure.js";
import { fileStore } from "./support/file-store.js";

describe("deliverOnce (claim before delivering)", () => {
  let dir: string;
  let now: Date;
  const clock = () => now;
  const LOCK = 60_000;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "nivel-deliver-once-"));
    now = new Date("2026-11-23T08:00:00Z");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("delivers once and skips every later attempt", async () => {
    const store = fileStore(join(dir, "s.json"));
    let deliveries = 0;
    const deliver = async () => void (deliveries += 1);
    expect(await deliverOnce(store.notices, "k", clock, LOCK, deliver)).to.equal("delivered");
    now = new Date(now.getTime() + 10 * LOCK);
    expect(await deliverOnce(store.notices, "k", clock, LOCK, deliver)).to.equal("already-sent");
    expect(deliveries).to.equal(1);
  });

  it("releases the claim when the delivery fails, so the retry delivers", async () => {
    const store = fileStore(join(dir, "s.json"));
    let attempts = 0;
    const flaky = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("421 Service not available");
    };
    let failure: unknown;
    await deliverOnce(store.notices, "k", clock, LOCK, flaky).catch((e: unknown) => (failure = e));
    expect(String(failure)).to.contain("421");
    expect(store.read().notices).to.deep.equal({});
    expect(await deliverOnce(store.notices, "k", clock, LOCK, flaky)).to.equal("delivered");
    expect(attempts).to.equal(2);
  });

  it("waits for a claim younger than the lock, and takes over one older than the lock", async () => {
    const store = fileStore(join(dir, "s.json"));
    // a worker claimed the key and died before delivering
    expect(await store.notices.claim("k", now, new Date(now.getTime() - LOCK))).to.equal("claimed");
    let deliveries = 0;
    const deliver = async () => void (deliveries += 1);

    now = new Date(now.getTime() + LOCK / 2);
    let wait: unknown;
    await deliverOnce(store.notices, "k", clock, LOCK, deliver).catch((e: unknown) => (wait = e));
    expect(wait).to.be.instanceOf(RetryLater);
    expect((wait as RetryLater).afterMs).to.equal(LOCK);
    expect(deliveries).to.equal(0);

    now = new Date(now.getTime() + LOCK);
    expect(await deliverOnce(store.notices, "k", clock, LOCK, deliver)).to.equal("delivered");
    expect(deliveries).to.equal(1);
    expect(store.read().notices.k!.state).to.equal("sent");
  });
});
