import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { preferenceLedger, users } from "@/db/schema";

const patient = alias(users, "patient");
const actor = alias(users, "actor");

export type LedgerFilters = { patientEmail?: string; field?: string };

/** The whole preference and consent ledger for admins, filtered, newest first. Read-only. */
export async function listLedger(db: Db, filters: LedgerFilters, limit = 500) {
  const conditions: (SQL | undefined)[] = [
    filters.patientEmail ? eq(patient.email, filters.patientEmail.toLowerCase()) : undefined,
    filters.field ? eq(preferenceLedger.field, filters.field) : undefined,
  ];
  return db
    .select({
      id: preferenceLedger.id,
      createdAt: preferenceLedger.createdAt,
      patientEmail: patient.email,
      patientName: patient.name,
      field: preferenceLedger.field,
      oldValue: preferenceLedger.oldValue,
      newValue: preferenceLedger.newValue,
      actorKind: preferenceLedger.actorKind,
      actorEmail: actor.email,
      consentVersion: preferenceLedger.consentVersion,
      requestMeans: preferenceLedger.requestMeans,
    })
    .from(preferenceLedger)
    .innerJoin(patient, eq(patient.id, preferenceLedger.patientId))
    .leftJoin(actor, eq(actor.id, preferenceLedger.actorId))
    .where(and(...conditions))
    .orderBy(desc(preferenceLedger.createdAt), desc(preferenceLedger.id))
    .limit(limit);
}
export type AdminLedgerRow = Awaited<ReturnType<typeof listLedger>>[number];

const csvCell = (value: string | number | null) => {
  const text = value === null ? "" : String(value);
  // Quote every cell; a leading =,+,-,@ is prefixed so spreadsheets never run it as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

export function ledgerCsv(rows: AdminLedgerRow[]): string {
  const header = [
    "when_utc",
    "patient_email",
    "field",
    "old_value",
    "new_value",
    "actor",
    "actor_email",
    "consent_version",
    "request_means",
  ];
  const lines = rows.map((row) =>
    [
      row.createdAt.toISOString(),
      row.patientEmail,
      row.field,
      row.oldValue,
      row.newValue,
      row.actorKind,
      row.actorEmail,
      row.consentVersion,
      row.requestMeans,
    ]
      .map(csvCell)
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
