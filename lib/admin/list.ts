import { gte, ilike, lt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { timeZoneNames } from "@/lib/patients/time-zones";
import { plainText } from "@/lib/validation";
import { isRealLocalDateTime, zonedTimeToUtc } from "@/lib/zoned-time";

// One helper for every admin list: the same filters (partial name or email, date range, zone), paging and CSV.
export const PAGE_SIZE = 50;
/** An export is the whole filtered list, up to this many rows. */
export const EXPORT_MAX = 50_000;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => isRealLocalDateTime(`${value}T00:00`))
  .optional()
  .catch(undefined);

// Unknown or malformed values are dropped rather than refused: these views are read-only.
export const listParamsSchema = z.object({
  patient: plainText({ max: 254 }).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  zone: z
    .string()
    .refine((zone) => timeZoneNames.includes(zone))
    .catch("UTC")
    .default("UTC"),
});
export type ListParams = z.output<typeof listParamsSchema> & { export?: boolean };

/** The common filters plus a list's own fields (each `.optional().catch(undefined)`). */
export function parseListParams<S extends z.ZodRawShape>(raw: unknown, own: S = {} as S) {
  return listParamsSchema.extend(own).parse(raw ?? {}) as ListParams & z.output<z.ZodObject<S>>;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Case-insensitive partial match of `q` on any of the columns ("ada" finds Ada Lovelace by name or email), or on
 * first and last name together ("ada love"). Undefined when there is no search.
 */
export function matchesText(
  q: string | undefined,
  columns: AnyColumn[],
  fullName?: [AnyColumn, AnyColumn],
): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${escapeLike(q)}%`;
  return or(
    ...columns.map((column) => ilike(column, pattern)),
    fullName ? sql`(${fullName[0]} || ' ' || ${fullName[1]}) ilike ${pattern}` : undefined,
  );
}

/** From the start of `from` to the end of `to`, as days in the admin's zone. */
export function withinDates(column: AnyColumn, params: ListParams): SQL[] {
  const start = (value: string) => zonedTimeToUtc(`${value}T00:00`, params.zone);
  const nextDay = (value: string) => {
    const date = new Date(`${value}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    return start(date.toISOString().slice(0, 10));
  };
  return [
    ...(params.from ? [gte(column, start(params.from))] : []),
    ...(params.to ? [lt(column, nextDay(params.to))] : []),
  ];
}

/** Limit and offset of the requested page (newest first is each query's own order), or the whole list to export. */
export const pageWindow = (params: ListParams) =>
  params.export ? { limit: EXPORT_MAX, offset: 0 } : { limit: PAGE_SIZE, offset: (params.page - 1) * PAGE_SIZE };

/** The number of rows matching, counted in the same query as the page (one round trip). */
export const totalMatching = () => sql<number>`cast(count(*) over () as integer)`.mapWith(Number);

export type Page<T> = { rows: T[]; total: number; page: number; pages: number };

/** A page's rows and the total, from rows carrying `total`. */
export function pageOf<T extends { total: number }>(rows: T[], params: ListParams): Page<T> {
  const total = rows[0]?.total ?? 0;
  return { rows, total, page: params.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The URL query of the current filter, without the page (for the CSV link) or with another page. */
export function queryOf(params: Record<string, unknown>, page?: number): string {
  const entries = (Object.entries({ ...params, page: page && page > 1 ? page : undefined }) as [string, unknown][])
    .filter(([key, value]) => key !== "export" && value !== undefined && value !== "" && value !== null)
    .filter(([key, value]) => !(key === "page" && String(value) === "1") && !(key === "zone" && value === "UTC"))
    .map(([key, value]) => [key, String(value)]);
  return new URLSearchParams(entries).toString();
}
