import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, StoreInputError, type Store, type StoreOptions } from "../../lib/store/index.js";
import { backends, freshStore } from "./backends.js";

const FORM = /^NIV-\d{4}-\d{6}$/;
const numberOf = (caseRef: string) => Number(caseRef.slice(-6));

for (const backend of backends()) {
  describe(`case references on ${backend.name}`, function () {
    let store: Store;
    before(async function () {
      store = await freshStore(backend);
    });
    after(async function () {
      await store?.close();
      await backend.cleanup();
    });

    it("issues NIV-<year>-<6 digits> from one series, in order, whatever the year", async function () {
      const first = await store.caseRefs.next(2026);
      const second = await store.caseRefs.next(2026);
      const nextYear = await store.caseRefs.next(2027);
      expect(first).to.match(FORM).and.match(/^NIV-2026-/);
      expect(nextYear).to.match(/^NIV-2027-\d{6}$/);
      expect([numberOf(second), numberOf(nextYear)]).to.deep.equal([numberOf(first) + 1, numberOf(first) + 2]);
    });

    it("gives concurrent callers distinct references", async function () {
      const refs = await Promise.all(Array.from({ length: 50 }, () => store.caseRefs.next(2026)));
      expect(new Set(refs).size).to.equal(50);
      expect(refs.every((r) => FORM.test(r))).to.equal(true);
    });

    it("refuses a year that is no four-digit year", async function () {
      for (const year of [26, 2026.5, 10_000]) {
        const error = await store.caseRefs.next(year).then(() => undefined, (e: unknown) => e);
        expect(error, String(year)).to.be.instanceOf(StoreInputError).with.property("message").that.matches(/^Invalid case reference year/);
      }
    });
  });
}

describe("case references across a re-open", function () {
  const stores: Store[] = [];
  let dir = "";
  const postgres = backends().find((b) => b.name === "PostgreSQL");
  after(async function () {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    if (dir) rmSync(dir, { recursive: true, force: true });
    await postgres?.cleanup();
  });

  const reopens = async (options: StoreOptions) => {
    const first = await openStore(options);
    stores.push(first);
    const issued = [await first.caseRefs.next(2026), await first.caseRefs.next(2026)];
    await first.close();
    stores.pop();
    const again = await openStore(options);
    stores.push(again);
    const after = await again.caseRefs.next(2026);
    expect(numberOf(after), "the series goes on where it was").to.equal(numberOf(issued[1]!) + 1);
    expect(issued).not.to.include(after);
  };

  it("never reissues a reference on persisted PGlite", async function () {
    dir = mkdtempSync(join(tmpdir(), "nivel-case-refs-"));
    await reopens({ backend: "pglite", dataDir: join(dir, "app") });
  });

  if (postgres) {
    it("never reissues a reference on PostgreSQL", async function () {
      await reopens(await postgres.fresh());
    });
  }
});
