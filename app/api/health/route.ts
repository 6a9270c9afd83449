import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { handleErrors } from "@/lib/http";

export const dynamic = "force-dynamic";

// Liveness for load balancers and the benchmark floor: one round trip to the database, no data.
export const GET = handleErrors(async () => {
  await db().execute(sql`select 1`);
  return Response.json({ ok: true });
});
