import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { connectPglite, connectPostgres, setProcessDb, type DbHandle } from "../client";
import { withDatabase } from "./local-guard";

// Each test file gets its own migrated database: an in-memory PGlite from the template dump, or a PostgreSQL copy.
const config = inject("database");
let handle: DbHandle;
let dropDatabase: (() => Promise<void>) | undefined;

if (config.driver === "pglite") {
  handle = connectPglite(undefined, new Blob([readFileSync(config.templateFile)]));
} else {
  const name = `${config.template.replace("_tpl_", "_f_")}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(config.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${config.template}`);
  handle = connectPostgres(withDatabase(config.url, name), { max: 4 });
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
setProcessDb(handle);

afterAll(async () => {
  await handle.close();
  await dropDatabase?.();
});
