/**
 * `nivel audit-verify` checks the audit log's hash chain in the app store the environment names
 * (APP_DATABASE_URL, else DATA_DIR/app) and says where it breaks: exit code 0 when it holds, 1 at
 * the first broken row, 2 for a command line it cannot use. Run it with the app stopped when the
 * store is embedded (PGlite belongs to one process).
 */
import { openStore, storeOptionsFromEnv } from "../lib/store/index.js";

export async function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (args.length > 0) {
    process.stderr.write("usage: nivel audit-verify (the store comes from APP_DATABASE_URL or DATA_DIR)\n");
    return 2;
  }
  const store = await openStore(storeOptionsFromEnv(env));
  try {
    const report = await store.audit.verify();
    if (report.ok) {
      const before = report.unchainedBefore ? `; ${report.unchainedBefore} older rows were written before the chain began and are not covered` : "";
      process.stdout.write(`audit log: ${report.chained} rows chained, the chain holds${before}\nhead: ${report.head}\n`);
      return 0;
    }
    process.stdout.write(`audit log: the chain breaks at row ${report.brokenAt}: ${report.reason}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
