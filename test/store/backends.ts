import { randomBytes } from "node:crypto";
import pg from "pg";
import { openStore, type Store, type StoreOptions } from "../../lib/store/index.js";

export interface Backend {
  name: string;
  /** options for a store of its own: nothing shared with other test files or runs */
  fresh(): Promise<StoreOptions>;
  /** drops what fresh() made */
  cleanup(): Promise<void>;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server. */
export function backends(): Backend[] {
  const list: Backend[] = [{ name: "PGlite (in memory)", fresh: async () => ({ backend: "memory" }), cleanup: async () => undefined }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const schemas: string[] = [];
    list.push({
      name: "PostgreSQL",
      async fresh() {
        const schema = `nivel_test_${randomBytes(6).toString("hex")}`;
        schemas.push(schema);
        return { backend: "postgres", url, schema };
      },
      async cleanup() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
        } finally {
          await client.end();
        }
      },
    });
  }
  return list;
}

export async function freshStore(backend: Backend): Promise<Store> {
  return openStore(await backend.fresh());
}

let counter = 0;
/** a case reference no other test in this run uses */
export function newCaseRef(): string {
  counter += 1;
  return `NIV-2026-${String((process.pid * 100 + counter) % 1_000_000).padStart(6, "0")}`;
}
