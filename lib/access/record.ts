import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import type { Db } from "@/db/client";
import { accessLog, type Role } from "@/db/schema";
import { hashRequest } from "@/lib/auth/authed-action";
import { clientIp } from "@/lib/auth/request";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { csvExportOf, type AccessKind } from "./kinds";

/** The staff member reading, and the request hash the ledger uses (never the raw IP or user agent). */
export type AccessViewer = { id: string; role: Exclude<Role, "patient">; requestHash: string | null };
type Entry = { patientId: string; what: string };
type Scope = { viewer: AccessViewer; csv: boolean; batch: Entry[]; db?: Db };

// On globalThis: route handlers and pages may be separate bundles, each with its own copy of this module.
const STORE = Symbol.for("patient-portal.access-scope");
const holder = globalThis as typeof globalThis & { [STORE]?: AsyncLocalStorage<Scope> };
const scopes = (holder[STORE] ??= new AsyncLocalStorage<Scope>());

export class StaffReadRefused extends Error {
  override name = "StaffReadRefused";
}

async function requestHash(): Promise<string | null> {
  const requestHeaders = await headers();
  return hashRequest(clientIp(requestHeaders), requestHeaders.get("user-agent"));
}

/** The signed-in staff member as a viewer; a patient or nobody is refused, so a staff query never runs unlogged. */
async function viewerOf(user: SessionUser | null): Promise<AccessViewer> {
  if (!user || user.role === "patient")
    throw new StaffReadRefused("A staff read needs a signed-in clinician or admin.");
  return { id: user.id, role: user.role, requestHash: await requestHash() };
}

/** Appends the rows in ONE insert (deduplicated by patient and what). The log's own writes are never logged. */
export async function recordAccess(db: Db, viewer: AccessViewer, entries: Entry[]): Promise<number> {
  const unique = new Map(entries.map((entry) => [`${entry.patientId}|${entry.what}`, entry]));
  if (unique.size === 0) return 0;
  await db.insert(accessLog).values(
    [...unique.values()].map((entry) => ({
      actorId: viewer.id,
      actorRole: viewer.role,
      patientId: entry.patientId,
      what: entry.what,
      requestHash: viewer.requestHash,
    })),
  );
  return unique.size;
}

/**
 * Runs a page's (or an export's) staff reads as one batch: each read's rows are collected and written in one insert
 * when `fn` ends, so a page of several lists costs one extra round trip. `csv` marks every row as a CSV export.
 */
export async function withStaffAccess<T>(
  user: SessionUser | AccessViewer,
  fn: () => Promise<T>,
  options: { csv?: boolean } = {},
): Promise<T> {
  const viewer = "requestHash" in user ? user : await viewerOf(user);
  const scope: Scope = { viewer, csv: options.csv ?? false, batch: [] };
  const result = await scopes.run(scope, fn);
  if (scope.db) await recordAccess(scope.db, viewer, scope.batch);
  return result;
}

const STAFF_READ = Symbol.for("patient-portal.staff-read");

/** True for a function made by staffRead: the registry test checks every staff query export is one. */
export const isStaffRead = (fn: unknown): boolean =>
  typeof fn === "function" && (fn as unknown as Record<symbol, unknown>)[STAFF_READ] !== undefined;

/**
 * Wraps a staff query: whoever calls it, its result's patients are written to the access log before it returns
 * (in the surrounding withStaffAccess batch, else in its own insert). Without a signed-in staff member it refuses.
 */
export function staffRead<A extends unknown[], R>(
  what: AccessKind,
  patientsOf: (result: R) => Iterable<string>,
  query: (db: Db, ...args: A) => Promise<R>,
): (db: Db, ...args: A) => Promise<R> {
  const wrapped = async (db: Db, ...args: A): Promise<R> => {
    const scope = scopes.getStore();
    const viewer = scope?.viewer ?? (await viewerOf(await currentUser()));
    const result = await query(db, ...args);
    const label = scope?.csv ? csvExportOf(what) : what;
    const entries = [...patientsOf(result)].map((patientId) => ({ patientId, what: label }));
    if (scope) {
      scope.db ??= db;
      scope.batch.push(...entries);
    } else await recordAccess(db, viewer, entries);
    return result;
  };
  Object.defineProperty(wrapped, STAFF_READ, { value: what });
  return wrapped;
}

/** For patientsOf: the patientId of every row. */
export const rowPatients = <T extends { patientId: string }>(rows: T[]) => rows.map((row) => row.patientId);
