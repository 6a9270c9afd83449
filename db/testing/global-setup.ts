import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { connectPglite, connectPostgres } from "../client";
import { migrateDb } from "../migrate";
import { assertLocalDatabaseUrl, withDatabase } from "./local-guard";

declare module "vitest" {
  export interface ProvidedContext {
    database: { driver: "pglite"; templateFile: string } | { driver: "postgres"; url: string; template: string };
  }
}

// Migrates once per run; every test file then starts from a copy of that migrated template.
export default async function globalSetup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = connectPglite();
    await migrateDb(handle);
    const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir("none");
    await handle.close();
    const dir = path.resolve(".data/test");
    mkdirSync(dir, { recursive: true });
    const templateFile = path.join(dir, `template-${process.pid}.tar`);
    writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
    project.provide("database", { driver: "pglite", templateFile });
    return;
  }

  assertLocalDatabaseUrl(url);
  const template = `portal_test_tpl_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template}`);
  await admin.unsafe(`create database ${template}`);
  const handle = connectPostgres(withDatabase(url, template), { max: 1 });
  await migrateDb(handle);
  await handle.close();
  project.provide("database", { driver: "postgres", url, template });

  return async () => {
    const leftovers = await admin<
      { datname: string }[]
    >`select datname from pg_database where datname like ${`portal_test_%_${process.pid}%`}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.end();
  };
}
