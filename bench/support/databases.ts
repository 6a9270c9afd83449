import postgres from "postgres";
import { connectPostgres, type DbHandle, type PostgresOptions } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { assertLocalDatabaseUrl, withDatabase } from "@/db/testing/local-guard";

/** The local server the bench creates its own databases on (never the app's or the tests'). */
export const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
assertLocalDatabaseUrl(serverUrl);

export const databaseUrl = (name: string) => withDatabase(serverUrl, name);

export async function databaseExists(name: string): Promise<boolean> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    return rows.length > 0;
  } finally {
    await admin.end();
  }
}

/** Drops and recreates `name`, then applies the app's migrations: the bench measures the real schema. */
export async function freshDatabase(name: string, options: PostgresOptions = {}): Promise<DbHandle> {
  if (!/^portal_bench[a-z_]*$/.test(name))
    throw new Error(`Refusing to recreate ${name}: bench databases are portal_bench*`);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const handle = connectPostgres(databaseUrl(name), options);
  await migrateDb(handle);
  return handle;
}

/** A raw postgres.js client for EXPLAIN, bulk SQL and checks the query builder has no words for. */
export const rawClient = (name: string, max = 1) => postgres(databaseUrl(name), { max, onnotice: () => {} });
