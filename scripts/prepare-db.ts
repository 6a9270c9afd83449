import { closeDb, dbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { seed } from "@/db/seed";

/** Migrates the configured database and seeds it if empty, then closes it so a server can open it. */
export async function prepareDatabase(): Promise<{ driver: string; seeded: boolean }> {
  const handle = dbHandle();
  await migrateDb(handle);
  const { created } = await seed(handle.db);
  await closeDb();
  return { driver: handle.driver, seeded: created };
}
