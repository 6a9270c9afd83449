// npm run admin:create -- you@clinic.example [--name "Jo Admin"]: the clinic's first admin, on the configured database.
import { parseArgs } from "node:util";
import { closeDb, dbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { createFirstAdmin } from "@/lib/roster/first-admin";

const USAGE = 'Usage: npm run admin:create -- you@clinic.example [--name "Your Name"]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { name: { type: "string" } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [email, ...rest] = parsed.positionals;
  if (!email || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const handle = dbHandle();
  try {
    // An empty database (a new clinic) is migrated first, as the demo does.
    await migrateDb(handle);
    const result = await createFirstAdmin(handle.db, { email, name: parsed.values.name });
    if (!result.ok) {
      console.error(`Refused: ${result.message}`);
      return 1;
    }
    console.log(`Admin ${result.email} created (${handle.driver}). Sign in at /sign-in with this address.`);
    return 0;
  } finally {
    await closeDb();
  }
}

process.exitCode = await main();
