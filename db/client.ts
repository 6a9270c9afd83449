import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { PgPreparedQuery, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

/**
 * A failed query, as safe to log: SQLSTATE code, constraint, table and column, never the bound values or the server's
 * detail (which quotes them). Drizzle's own DrizzleQueryError prints every parameter in its message, so a note with a
 * NUL byte would put the note into the server log (DESIGN.md, invariant 9).
 */
export class DatabaseQueryError extends Error {
  override name = "DatabaseQueryError";
  readonly code?: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;
  constructor(original: unknown) {
    const source = ((original as { cause?: unknown })?.cause ?? original ?? {}) as Record<string, unknown>;
    const text = (key: string, alt?: string) =>
      typeof source[key] === "string"
        ? (source[key] as string)
        : alt && typeof source[alt] === "string"
          ? (source[alt] as string)
          : undefined;
    const code = text("code");
    const constraint = text("constraint", "constraint_name");
    super(`Database query failed${code ? ` (${code}${constraint ? ` on ${constraint}` : ""})` : ""}`);
    this.code = code;
    this.constraint = constraint;
    this.table = text("table", "table_name");
    this.column = text("column", "column_name");
    // The cause keeps the codes callers test (e.g. 23505), nothing else.
    this.cause = { code, constraint_name: constraint };
  }
}

// Every query of both drivers passes PgPreparedQuery.queryWithCache, where drizzle wraps driver errors; wrapping it
// once here replaces that error with the redacted one before anything can log it. Tested in db/client.test.ts.
const prototype = PgPreparedQuery.prototype as unknown as {
  queryWithCache: (...args: unknown[]) => Promise<unknown>;
  __redacted?: boolean;
};
if (!prototype.__redacted) {
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (error) {
      throw new DatabaseQueryError(error);
    }
  };
  prototype.__redacted = true;
}

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
