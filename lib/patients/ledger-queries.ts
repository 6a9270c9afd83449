import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { patientProfiles, preferenceLedger, users } from "@/db/schema";
import { rowPatients, staffRead } from "@/lib/access/record";
import { toCsv } from "@/lib/admin/csv";
import { matchesText, pageOf, pageWindow, totalMatching, withinDates, type ListParams } from "@/lib/admin/list";

const patient = alias(users, "patient");
const actor = alias(users, "actor");

export type LedgerFilters = ListParams & { field?: string };

/** The whole preference and consent ledger for admins, filtered, newest first, a page at a time. Read-only. */
export const listLedger = staffRead(
  "consent_ledger",
  (page) => rowPatients(page.rows),
  async function listLedger(db: Db, filters: LedgerFilters) {
    const conditions: (SQL | undefined)[] = [
      matchesText(
        filters.patient,
        [patient.name, patient.email],
        [patientProfiles.firstName, patientProfiles.lastName],
      ),
      ...withinDates(preferenceLedger.createdAt, filters),
      filters.field ? eq(preferenceLedger.field, filters.field) : undefined,
    ];
    const rows = await db
      .select({
        id: preferenceLedger.id,
        createdAt: preferenceLedger.createdAt,
        patientId: preferenceLedger.patientId,
        patientEmail: patient.email,
        patientName: patient.name,
        field: preferenceLedger.field,
        oldValue: preferenceLedger.oldValue,
        newValue: preferenceLedger.newValue,
        actorKind: preferenceLedger.actorKind,
        actorEmail: actor.email,
        consentVersion: preferenceLedger.consentVersion,
        requestMeans: preferenceLedger.requestMeans,
        total: totalMatching(),
      })
      .from(preferenceLedger)
      .innerJoin(patient, eq(patient.id, preferenceLedger.patientId))
      .leftJoin(patientProfiles, eq(patientProfiles.userId, preferenceLedger.patientId))
      .leftJoin(actor, eq(actor.id, preferenceLedger.actorId))
      .where(and(...conditions))
      .orderBy(desc(preferenceLedger.createdAt), desc(preferenceLedger.id))
      .limit(pageWindow(filters).limit)
      .offset(pageWindow(filters).offset);
    return pageOf(rows, filters);
  },
);
export type AdminLedgerRow = Awaited<ReturnType<typeof listLedger>>["rows"][number];

export function ledgerCsv(rows: AdminLedgerRow[]): string {
  return toCsv(
    [
      "when_utc",
      "patient_email",
      "field",
      "old_value",
      "new_value",
      "actor",
      "actor_email",
      "consent_version",
      "request_means",
    ],
    rows.map((row) => [
      row.createdAt,
      row.patientEmail,
      row.field,
      row.oldValue,
      row.newValue,
      row.actorKind,
      row.actorEmail,
      row.consentVersion,
      row.requestMeans,
    ]),
  );
}
