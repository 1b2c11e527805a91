import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type StoreOptions } from "../../lib/store/index.js";
import type { Database } from "../../lib/store/database.js";
import { migrate, readMigrations } from "../../lib/store/migrate.js";
import { openPgDatabase } from "../../lib/store/pg-database.js";
import { openPgliteDatabase } from "../../lib/store/pglite-database.js";
import { backends } from "./backends.js";

const allVersions = readMigrations().map((m) => m.version);

async function recordedMigrations(db: Database): Promise<number[]> {
  return (await db.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version")).map((r) => r.version);
}

/** Re-opening a store keeps its data and applies no migration twice; the audit log refuses edits. */
function describeReopen(name: string, options: () => Promise<StoreOptions>, rawDatabase: (o: StoreOptions) => Promise<Database>, cleanup: () => Promise<void>) {
  describe(`migrations on ${name}`, function () {
    let opts: StoreOptions;
    before(async function () {
      opts = await options();
    });
    after(cleanup);

    it("applies every migration once, keeps the data on re-open, rolls back a failing migration, and the audit log is append-only", async function () {
      const first = await openStore(opts);
      expect(first.migrationsApplied).to.deep.equal(allVersions);
      await first.consents.record("NIV-2026-000001", { grants: [{ item: "goals", to: "rise" }], purpose: "Arviointi", givenHow: "in-person", validUntil: null }, "anna", new Date());
      await first.audit.append({ actor: "anna", action: "case.read", caseRef: "NIV-2026-000001", at: new Date() });
      await first.close();

      const again = await openStore(opts);
      try {
        expect(again.migrationsApplied).to.deep.equal([]);
        expect((await again.consents.current("NIV-2026-000001"))?.grants).to.deep.equal([{ item: "goals", to: "rise" }]);
      } finally {
        await again.close();
      }

      const db = await rawDatabase(opts);
      try {
        expect(await recordedMigrations(db)).to.deep.equal(allVersions);
        for (const statement of ["UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"]) {
          const error = await db.query(statement).then(() => undefined, (e: unknown) => e);
          expect(error, statement).to.be.instanceOf(Error).with.property("message").that.contains("append-only");
        }
        expect(await db.query("SELECT actor FROM audit_log")).to.deep.equal([{ actor: "anna" }]);

        // A failing migration leaves nothing behind, not even the statements before the failure.
        const broken = { version: 9999, name: "broken", sql: "CREATE TABLE half_done (x integer); SELECT no_such_function();" };
        const failure = await migrate(db, [...readMigrations(), broken]).then(() => undefined, (e: unknown) => e);
        expect(failure).to.be.instanceOf(Error).with.property("message").that.contains("no_such_function");
        expect(await db.query("SELECT to_regclass('half_done') AS t")).to.deep.equal([{ t: null }]);
        expect(await recordedMigrations(db)).to.deep.equal(allVersions);
      } finally {
        await db.close();
      }
    });

    it("carries the consents recorded before consent versions forward: each item to both organisations, nothing lost", async function () {
      const db = await rawDatabase(await options());
      try {
        await migrate(db, readMigrations().filter((m) => m.version < 8));
        await db.query("INSERT INTO consent_events (case_ref, given, items, recorded_by, recorded_at) VALUES ($1, true, $2, 'anna', '2026-11-01T09:00:00Z'), ($1, false, '[]', 'ben', '2026-11-05T09:00:00Z')", [
          "NIV-2026-000009",
          JSON.stringify(["goals", "release-date", "contacts"]),
        ]);
        await migrate(db);
        const rows = await db.query<{ version: number; change: string; grants: { item: string; to: string }[]; recorded_by: string }>(
          "SELECT version, change, grants, recorded_by FROM consent_versions WHERE case_ref = 'NIV-2026-000009' ORDER BY version",
        );
        expect(rows.map((r) => [r.version, r.change, r.recorded_by])).to.deep.equal([[1, "given", "anna"], [2, "withdrawn", "ben"]]);
        const key = (g: { item: string; to: string }) => `${g.item}>${g.to}`;
        expect(rows[0]!.grants.map(key).sort()).to.deep.equal(["contact-details>county", "contact-details>rise", "goals>county", "goals>rise", "release-dates>county", "release-dates>rise"]);
        expect(rows[1]!.grants).to.deep.equal([]);
        expect(await db.query("SELECT to_regclass('consent_events') AS t")).to.deep.equal([{ t: null }]);
      } finally {
        await db.close();
      }
    });
  });
}

let dir = "";
describeReopen(
  "PGlite (persisted)",
  async () => {
    dir = mkdtempSync(join(tmpdir(), "nivel-store-"));
    return { backend: "pglite", dataDir: join(dir, "app") };
  },
  async (o) => openPgliteDatabase(o.backend === "pglite" ? o.dataDir : undefined),
  async () => rmSync(dir, { recursive: true, force: true }),
);

const postgres = backends().find((b) => b.name === "PostgreSQL");
if (postgres) {
  describeReopen(
    "PostgreSQL",
    () => postgres.fresh(),
    async (o) => (o.backend === "postgres" ? openPgDatabase(o.url, o.schema) : Promise.reject(new Error("not PostgreSQL"))),
    () => postgres.cleanup(),
  );

  describe("concurrent openers on PostgreSQL", function () {
    after(() => postgres.cleanup());

    it("migrate once between them: the advisory lock makes the others wait, then find nothing to do", async function () {
      const options = await postgres.fresh();
      const stores = await Promise.all(Array.from({ length: 6 }, () => openStore(options)));
      try {
        const applied = stores.map((s) => s.migrationsApplied);
        expect(applied.filter((a) => a.length > 0)).to.deep.equal([allVersions]);
        expect(applied.filter((a) => a.length === 0)).to.have.length(5);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });
  });
}
