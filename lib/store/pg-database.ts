import pg from "pg";
import { MIGRATION_LOCK, type Database, type Sql } from "./database.js";

function wrap(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as Row[];
    },
    async exec(text: string) {
      await client.query(text);
    },
  };
}

/**
 * A PostgreSQL server at `url`. With `schema`, every connection works in that schema (created
 * if missing), so separate deployments or test runs can share one database without colliding.
 */
export async function openPgDatabase(url: string, schema?: string): Promise<Database> {
  if (schema !== undefined) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      // IF NOT EXISTS alone still races between concurrent openers; the lock serialises them.
      await setup.query("BEGIN");
      await setup.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
      await setup.query("COMMIT");
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    options: schema === undefined ? undefined : `-c search_path=${pg.escapeIdentifier(schema)}`,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error(`App database: idle connection lost (${error.message}); reconnecting on next use.`));
  return {
    backend: "postgres",
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
