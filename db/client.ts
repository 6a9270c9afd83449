import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both drivers' databases share this query-builder type; avoid driver-specific `execute` results. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Rows of a raw `db.execute(sql)`: postgres.js returns the rows, PGlite wraps them in { rows }. */
export async function executeRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export type DbHandle = {
  db: Db;
  driver: "postgres" | "pglite";
  close: () => Promise<void>;
};

export type PostgresOptions = {
  max?: number;
  /** Called as each query is sent (one round trip each, prepared statements included): the benchmark counts them. */
  onQuery?: (query: string, parameters: unknown[]) => void;
};

export function connectPostgres(url: string, options: PostgresOptions = {}): DbHandle {
  const { onQuery } = options;
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    ...(onQuery
      ? { debug: (_connection: number, query: string, parameters: unknown[]) => onQuery(query, parameters) }
      : {}),
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
}

export function connectPglite(dataDir?: string, loadDataDir?: Blob): DbHandle {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ dataDir, loadDataDir });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close() };
}

// One handle per process, kept on globalThis so dev-mode module reloads reuse it.
const holder = globalThis as typeof globalThis & { __portalDb?: DbHandle };

function open(): DbHandle {
  const config = env();
  return config.databaseUrl ? connectPostgres(config.databaseUrl) : connectPglite(config.pgliteDataDir);
}

/** The process's database, opened on first use (never at import, so `next build` never opens it). */
export function db(): Db {
  holder.__portalDb ??= open();
  return holder.__portalDb.db;
}

export function dbHandle(): DbHandle {
  holder.__portalDb ??= open();
  return holder.__portalDb;
}

/** Used by scripts and tests: make `handle` the process's database. */
export function setProcessDb(handle: DbHandle): void {
  holder.__portalDb = handle;
}

/** Scripts call this so the process can exit. */
export async function closeDb(): Promise<void> {
  const handle = holder.__portalDb;
  holder.__portalDb = undefined;
  await handle?.close();
}
