import { sql } from "drizzle-orm";
import { db } from "@/db/client";

export const dynamic = "force-dynamic";

// Liveness for load balancers and the benchmark floor: one round trip to the database, no data.
export async function GET() {
  await db().execute(sql`select 1`);
  return Response.json({ ok: true });
}
