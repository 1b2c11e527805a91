import { expect } from "chai";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openStore } from "../../lib/store/index.js";
import { openPgliteDatabase } from "../../lib/store/pglite-database.js";

const NIVEL = fileURLToPath(new URL("../../bin/nivel.js", import.meta.url));

/** `nivel audit-verify` on the store DATA_DIR names, with no PostgreSQL in the environment. */
async function verify(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.APP_DATABASE_URL;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [NIVEL, "audit-verify", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The audit log's chain checked by the command an operator runs, before and after someone changed a row behind the app's back. */
describe("nivel audit-verify", function () {
  this.timeout(120_000);
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "nivel-audit-verify-"));
    const store = await openStore({ backend: "pglite", dataDir: join(dataDir, "app") });
    try {
      for (let i = 1; i <= 5; i++) {
        await store.audit.append({ actor: "sw.nieminen", action: "case.read", caseRef: `NIV-2026-00010${i}`, detail: { processInstanceId: `p${i}` }, at: new Date() });
      }
    } finally {
      await store.close();
    }
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("says the chain holds and prints its head", async () => {
    const result = await verify(dataDir);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/^audit log: 5 rows chained, the chain holds\nhead: [0-9a-f]{64}\n$/);
  });

  it("names the first broken row after a row was changed past the append-only trigger, and exits 1", async () => {
    // what only the database's superuser could do: switch the trigger off and rewrite a row
    const db = await openPgliteDatabase(join(dataDir, "app"));
    try {
      await db.transaction(async (tx) => {
        await tx.exec("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
        await tx.query("UPDATE audit_log SET actor = 'someone.else' WHERE id = 3");
        await tx.exec("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
      });
    } finally {
      await db.close();
    }
    const result = await verify(dataDir);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.equal("audit log: the chain breaks at row 3: its content does not match its hash (the row was changed)\n");
  });

  it("refuses arguments it does not take with exit code 2", async () => {
    const result = await verify(dataDir, "--fix");
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain("usage: nivel audit-verify");
  });
});
