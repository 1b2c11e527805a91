/**
 * The one seam between the repositories and the two backends. Both speak PostgreSQL, so every
 * repository and migration runs the same SQL on either; only connecting and transactions differ.
 */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** several statements without parameters (migrations) */
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  readonly backend: "postgres" | "pglite";
  /** runs `work` in one transaction: committed when it resolves, rolled back when it throws */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Any fixed number: every Nivel process that changes the schema takes this one advisory lock. */
export const MIGRATION_LOCK = 7_245_301;

/**
 * The database as seen from inside the transaction `tx`: repositories built on it run in that
 * transaction, and their own transactions join it, so they commit or roll back together.
 */
export function insideTransaction(tx: Sql, backend: Database["backend"]): Database {
  return {
    backend,
    query: (text, params) => tx.query(text, params),
    exec: (text) => tx.exec(text),
    transaction: (work) => work(tx),
    close: () => Promise.reject(new Error("A store transaction is closed by its end, not by close().")),
  };
}
