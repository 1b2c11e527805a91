import { expect } from "chai";
import { deliverOnce } from "../../workers/notifications/deliver-once.js";
import { RetryLater } from "../../workers/shared/task-failure.js";
import { openStore, type Store } from "../../lib/store/index.js";

describe("deliverOnce (claim before delivering)", () => {
  let store: Store;
  let now: Date;
  const clock = () => now;
  const LOCK = 60_000;

  beforeEach(async () => {
    store = await openStore({ backend: "memory" });
    now = new Date("2026-11-23T08:00:00Z");
  });
  afterEach(() => store.close());

  it("delivers once and skips every later attempt", async () => {
    let deliveries = 0;
    const deliver = async () => void (deliveries += 1);
    expect(await deliverOnce(store.notices, "k", clock, LOCK, deliver)).to.equal("delivered");
    now = new Date(now.getTime() + 10 * LOCK);
    expect(await deliverOnce(store.notices, "k", clock, LOCK, deliver)).to.equal("already-sent");
    expect(deliveries).to.equal(1);
  });

  it("releases the claim when the delivery fails, so the retry delivers", async () => {
    let attempts = 0;
    const flaky = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("421 Service not available");
    };
    let failure: unknown;
    await deliverOnce(store.notices, "k", clock, LOCK, flaky).catch((e: unknown) => (failure = e));
    expect(String(failure)).to.contain("421");
    expect(await store.notices.get("k")).to.equal(null);
    expect(await deliverOnce(store.notices, "k", clock, LOCK, flaky)).to.equal("delivered");
    expect(attempts).to.equal(2);
  });

  it("waits for a claim younger than the lock, and takes over one older than the lock", async () => {
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
    expect((await store.notices.get("k"))!.state).to.equal("sent");
  });
});
