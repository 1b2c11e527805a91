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
