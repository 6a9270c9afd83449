import "server-only";
import { and, eq, lte, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, progressNotes } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { enqueueEvent } from "@/lib/events/outbox";
import type { DomainResult } from "@/lib/result";
import type { ProgressNoteInput } from "./schemas";

export type SaveNoteResult = DomainResult<{ noteId: string }>;

const notYours: SaveNoteResult = {
  ok: false,
  message: "That appointment was not found, or it is not yours to write notes on.",
};

/**
 * A clinician writes a note on an appointment of theirs that has started and was not cancelled. The note and its
 * `portal/progress-note.created` event commit together (the outbox), so sharing cannot be lost or run for a note that
 * was rolled back. Notes never change: a correction is a new note that points at the one it replaces.
 */
export async function saveProgressNote(
  db: Db,
  actor: SessionUser,
  input: ProgressNoteInput,
  now = new Date(),
): Promise<SaveNoteResult> {
  if (actor.role !== "clinician") return notYours;
  const refused = (field: string, message: string): SaveNoteResult => ({
    ok: false,
    message: "Nothing was saved.",
    fieldErrors: { [field]: [message] },
  });
  const saved = await db.transaction(async (tx): Promise<SaveNoteResult> => {
    const [appointment] = await tx
      .select({ patientId: appointments.patientId })
      .from(appointments)
      .where(
        and(
          eq(appointments.id, input.appointmentId),
          eq(appointments.clinicianId, actor.id),
          ne(appointments.status, "cancelled"),
          lte(appointments.startsAt, now),
        ),
      );
    if (!appointment) return notYours;

    if (input.correctsNoteId) {
      const [original] = await tx
        .select({ id: progressNotes.id })
        .from(progressNotes)
        .where(and(eq(progressNotes.id, input.correctsNoteId), eq(progressNotes.appointmentId, input.appointmentId)))
        .for("update");
      const [alreadyCorrected] = await tx
        .select({ id: progressNotes.id })
        .from(progressNotes)
        .where(eq(progressNotes.correctsNoteId, input.correctsNoteId));
      if (!original) return refused("correctsNoteId", "Choose a note of this appointment.");
      if (alreadyCorrected)
        return refused("correctsNoteId", "That note already has a correction; correct the latest one.");
    }

    const [note] = await tx
      .insert(progressNotes)
      .values({
        appointmentId: input.appointmentId,
        clinicianId: actor.id,
        patientId: appointment.patientId,
        privateNote: input.privateNote,
        patientSummary: input.patientSummary,
        correctsNoteId: input.correctsNoteId ?? null,
      })
      .returning({ id: progressNotes.id });
    await enqueueEvent(tx, { name: "portal/progress-note.created", data: { progressNoteId: note!.id } });
    return { ok: true, noteId: note!.id };
  });
  return saved;
}

/** Called by the sharing function once every recipient has been decided. */
export async function markSharingDone(db: Db, noteId: string, anySent: boolean): Promise<void> {
  await db
    .update(progressNotes)
    .set({ sharingStatus: anySent ? "shared" : "skipped" })
    .where(and(eq(progressNotes.id, noteId), eq(progressNotes.sharingStatus, "pending")));
}
