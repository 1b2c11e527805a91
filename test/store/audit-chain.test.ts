import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "../../lib/store/database.js";
import { openStore, type StoreOptions } from "../../lib/store/index.js";
import { openPgDatabase } from "../../lib/store/pg-database.js";
import { openPgliteDatabase } from "../../lib/store/pglite-database.js";
import { backends } from "./backends.js";

/** Changes the log the way only someone with the database's superuser could: past the append-only trigger. */
async function tamper(db: Database, statement: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec("ALTER TABLE audit_log DISABLE TRIGGER USER");
    await tx.query(statement, params);
    await tx.exec("ALTER TABLE audit_log ENABLE TRIGGER USER");
  });
}

interface Target {
  name: string;
  /** a store of its own: nothing shared with other tests */
  fresh(): Promise<StoreOptions>;
  raw(options: StoreOptions): Promise<Database>;
  cleanup(): Promise<void>;
}

const dirs: string[] = [];
const targets: Target[] = [
  {
    name: "PGlite (persisted)",
    fresh: async () => {
      const dir = mkdtempSync(join(tmpdir(), "nivel-audit-chain-"));
      dirs.push(dir);
      return { backend: "pglite", dataDir: join(dir, "app") };
    },
    raw: (o) => openPgliteDatabase(o.backend === "pglite" ? o.dataDir : undefined),
    cleanup: async () => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  },
];
const postgres = backends().find((b) => b.name === "PostgreSQL");
if (postgres) {
  targets.push({
    name: "PostgreSQL",
    fresh: () => postgres.fresh(),
    raw: (o) => (o.backend === "postgres" ? openPgDatabase(o.url, o.schema) : Promise.reject(new Error("not PostgreSQL"))),
    cleanup: () => postgres.cleanup(),
  });
}

for (const target of targets) {
  describe(`the audit log's hash chain on ${target.name}`, function () {
    after(() => target.cleanup());

    /** a fresh store with six chained rows (ids 1–6), closed again */
    async function seeded(): Promise<StoreOptions> {
      const options = await target.fresh();
      const store = await openStore(options);
      try {
        for (let i = 1; i <= 6; i++) {
          await store.audit.append({ actor: "chain-test", action: "case.read", caseRef: `NIV-2026-00000${i}`, detail: { taskId: `t${i}` }, at: new Date(Date.UTC(2026, 10, i)) });
        }
        expect(await store.audit.verify()).to.include({ ok: true, rows: 6, chained: 6 });
      } finally {
        await store.close();
      }
      return options;
    }

    /** tampers through a raw connection (the store closed, as PGlite belongs to one process), then verifies through the store */
    async function tamperAndVerify(options: StoreOptions, statement: string) {
      const db = await target.raw(options);
      try {
        await tamper(db, statement);
      } finally {
        await db.close();
      }
      const store = await openStore(options);
      try {
        return await store.audit.verify();
      } finally {
        await store.close();
      }
    }

    it("refuses a row outside the chain even to an INSERT that names every other column", async () => {
      const db = await target.raw(await seeded());
      try {
        const error = await db
          .query("INSERT INTO audit_log (at, actor, action, case_ref, detail) VALUES (now(), 'mallory', 'case.read', NULL, '{}')")
          .then(() => undefined, (e: unknown) => e);
        expect(error).to.be.instanceOf(Error).with.property("message").that.contains("must be chained");
      } finally {
        await db.close();
      }
    });

    it("names a changed row as the first broken one", async () => {
      const report = await tamperAndVerify(await seeded(), `UPDATE audit_log SET detail = '{"taskId": "forged"}' WHERE id = 5`);
      expect(report).to.deep.include({ ok: false, brokenAt: "5" });
      expect(report).to.have.property("reason").that.contains("content does not match");
    });

    it("names a row whose time was moved, though its content is otherwise the same", async () => {
      const report = await tamperAndVerify(await seeded(), "UPDATE audit_log SET at = at - interval '1 day' WHERE id = 2");
      expect(report).to.deep.include({ ok: false, brokenAt: "2" });
    });

    it("names the row after one that was removed", async () => {
      const report = await tamperAndVerify(await seeded(), "DELETE FROM audit_log WHERE id = 3");
      expect(report).to.deep.include({ ok: false, brokenAt: "4" });
      expect(report).to.have.property("reason").that.contains("link does not match");
    });

    it("names a forged row slipped in without a hash", async () => {
      const report = await tamperAndVerify(await seeded(), "INSERT INTO audit_log (at, actor, action, detail) VALUES (now(), 'mallory', 'case.read', '{}')");
      expect(report).to.deep.include({ ok: false, brokenAt: "7" });
      expect(report).to.have.property("reason").that.contains("no hash");
    });

    it("holds again for the rows appended after an intact chain was reopened", async () => {
      const options = await seeded();
      const store = await openStore(options);
      try {
        await store.audit.append({ actor: "chain-test", action: "case.read", at: new Date() });
        expect(await store.audit.verify()).to.include({ ok: true, rows: 7, chained: 7 });
      } finally {
        await store.close();
      }
    });
  });
}

if (postgres) {
  describe("the audit log's hash chain across processes on PostgreSQL", function () {
    after(() => postgres.cleanup());

    it("stays one chain when several stores (each its own connection pool) append at once", async () => {
      const options = await postgres.fresh();
      const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(options)));
      try {
        await Promise.all(
          stores.flatMap((store, s) =>
            Array.from({ length: 25 }, (_, i) => store.audit.append({ actor: `writer-${s}`, action: "case.read", detail: { i }, at: new Date() })),
          ),
        );
        expect(await stores[0]!.audit.verify()).to.include({ ok: true, rows: 100, chained: 100 });
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });
  });
}
