import { db, type Db } from "@/db/client";
import { withStaffAccess } from "@/lib/access/record";
import { csvResponse } from "@/lib/admin/csv";
import { parseListParams, type ListParams } from "@/lib/admin/list";
import { authorize } from "@/lib/auth/session";
import type { z } from "zod";

/**
 * A route handler exporting an admin list's current filter as CSV: admins only; every patient in the file is logged
 * as a CSV export of that list (one insert).
 */
export function csvExport<S extends z.ZodRawShape>(
  filename: string,
  own: S,
  build: (db: Db, params: ListParams & z.output<z.ZodObject<S>>) => Promise<string>,
) {
  return async function GET(request: Request): Promise<Response> {
    const auth = await authorize("admin");
    if (!auth.ok) return new Response(auth.message, { status: auth.status });
    const params = { ...parseListParams(Object.fromEntries(new URL(request.url).searchParams), own), export: true };
    const body = await withStaffAccess(auth.user, () => build(db(), params), { csv: true });
    return csvResponse(filename, body);
  };
}
