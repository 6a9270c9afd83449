import "server-only";
import { createHash } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patientProfiles, users } from "@/db/schema";
import { audit, type RosterActor } from "./audit";
import { checkPatientCsv, MAX_IMPORT_BYTES, type ImportRow, type RowProblem } from "./csv";

export type ImportOutcome =
  | { kind: "file_error"; message: string }
  | { kind: "invalid"; problems: RowProblem[]; valid: number; fingerprint: string }
  | { kind: "checked"; rows: ImportRow[]; fingerprint: string }
  | { kind: "imported"; count: number }
  | { kind: "changed" };

export const fingerprintOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Existing users among the file's addresses, each a problem on its line. */
async function alreadyRegistered(db: Db, rows: ImportRow[]): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    const taken = await db
      .select({ email: users.email })
      .from(users)
      .where(
        inArray(
          users.email,
          chunk.map((row) => row.email),
        ),
      );
    const set = new Set(taken.map((row) => row.email));
    for (const row of chunk) {
      if (set.has(row.email)) problems.push({ line: row.line, reason: "duplicate email: already registered" });
    }
  }
  return problems;
}

/** The dry run: what would be created, or every invalid row with its line and reason. Writes nothing. */
export async function checkImport(db: Db, bytes: Uint8Array): Promise<ImportOutcome> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return { kind: "file_error", message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` };
  }
  const checked = checkPatientCsv(new TextDecoder("utf-8").decode(bytes));
  if ("fileError" in checked) return { kind: "file_error", message: checked.fileError };
  const fingerprint = fingerprintOf(bytes);
  const taken = await alreadyRegistered(db, checked.rows);
  const problems = [...checked.problems, ...taken].sort((a, b) => a.line - b.line);
  if (problems.length > 0) {
    return { kind: "invalid", problems, valid: checked.rows.length - taken.length, fingerprint };
  }
  return { kind: "checked", rows: checked.rows, fingerprint };
}

class ImportRace extends Error {}

/**
 * Imports the file the admin checked (same fingerprint), all rows or none, in one transaction: a row whose address
 * someone registered meanwhile (another admin's import or invitation) rolls the whole import back.
 */
export async function importPatients(
  db: Db,
  actor: RosterActor,
  bytes: Uint8Array,
  checkedFingerprint: string | undefined,
): Promise<ImportOutcome> {
  const check = await checkImport(db, bytes);
  if (check.kind !== "checked") return check;
  if (check.fingerprint !== checkedFingerprint) return { kind: "changed" };
  const batch = check.fingerprint.slice(0, 12);
  try {
    return await db.transaction(async (tx) => {
      const created: { id: string; row: ImportRow }[] = [];
      for (let start = 0; start < check.rows.length; start += 1000) {
        const chunk = check.rows.slice(start, start + 1000);
        const inserted = await tx
          .insert(users)
          .values(
            chunk.map((row) => ({
              email: row.email,
              name: `${row.firstName} ${row.lastName}`.trim(),
              role: "patient" as const,
            })),
          )
          .onConflictDoNothing({ target: users.email })
          .returning({ id: users.id, email: users.email });
        if (inserted.length !== chunk.length) throw new ImportRace();
        const byEmail = new Map(inserted.map((user) => [user.email, user.id]));
        for (const row of chunk) created.push({ id: byEmail.get(row.email)!, row });
      }
      for (let start = 0; start < created.length; start += 1000) {
        await tx.insert(patientProfiles).values(
          created.slice(start, start + 1000).map(({ id, row }) => ({
            userId: id,
            firstName: row.firstName,
            lastName: row.lastName,
            timeZone: row.timeZone,
            phoneE164: row.phoneE164,
            country: row.country,
          })),
        );
      }
      await audit(
        tx,
        actor,
        created.map(({ id, row }) => ({
          action: "patient_imported" as const,
          subjectId: id,
          details: { email: row.email, line: row.line, file: batch },
        })),
      );
      return { kind: "imported" as const, count: created.length };
    });
  } catch (error) {
    // Checked again after the rollback, the answer names the rows now taken.
    if (error instanceof ImportRace) return checkImport(db, bytes);
    throw error;
  }
}
