import "server-only";
import { aliasedTable, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  appointments,
  clinicians,
  notificationDeliveries,
  patientProfiles,
  preferenceLedger,
  progressNotes,
  users,
  videoSessions,
} from "@/db/schema";
import { consentFields, type ConsentField } from "@/lib/patients/consent-kinds";
import { consentTextsByVersion, consentVersionLapsed, type ConsentTextRow } from "@/lib/patients/consent-versions";
import { staffAccessForExport, type StaffAccessEntry } from "./staff-access";

/** Everything a patient's record export holds, each part read with the patient's id (never another's rows). */
export async function collectPatientRecord(db: Db, patientId: string, now = new Date()) {
  const [profileRow] = await db
    .select({
      id: users.id,
      email: users.email,
      firstName: patientProfiles.firstName,
      lastName: patientProfiles.lastName,
      phoneE164: patientProfiles.phoneE164,
      timeZone: patientProfiles.timeZone,
      emailNotifications: patientProfiles.emailNotifications,
      textMessages: patientProfiles.textMessages,
      textChannel: patientProfiles.textChannel,
      whatsappOptIn: patientProfiles.whatsappOptIn,
      appointmentReminders: patientProfiles.appointmentReminders,
      recordingConsent: patientProfiles.recordingConsent,
      recordingConsentVersion: patientProfiles.recordingConsentVersion,
      transcriptionConsent: patientProfiles.transcriptionConsent,
      transcriptionConsentVersion: patientProfiles.transcriptionConsentVersion,
      progressSharingConsent: patientProfiles.progressSharingConsent,
      progressSharingConsentVersion: patientProfiles.progressSharingConsentVersion,
      careContactName: patientProfiles.careContactName,
      careContactRelationship: patientProfiles.careContactRelationship,
      careContactEmail: patientProfiles.careContactEmail,
      recordingLapsed: consentVersionLapsed("recordingConsent", patientProfiles.recordingConsentVersion, now),
      transcriptionLapsed: consentVersionLapsed(
        "transcriptionConsent",
        patientProfiles.transcriptionConsentVersion,
        now,
      ),
      sharingLapsed: consentVersionLapsed("progressSharingConsent", patientProfiles.progressSharingConsentVersion, now),
    })
    .from(users)
    .innerJoin(patientProfiles, eq(patientProfiles.userId, users.id))
    .where(eq(users.id, patientId));
  if (!profileRow) return null;
  const actor = aliasedTable(users, "actor");
  const [history, visits, messages, notes, staffAccess] = await Promise.all([
    db
      .select({
        id: preferenceLedger.id,
        field: preferenceLedger.field,
        oldValue: preferenceLedger.oldValue,
        newValue: preferenceLedger.newValue,
        actorKind: preferenceLedger.actorKind,
        actorName: actor.name,
        actorRole: actor.role,
        consentVersion: preferenceLedger.consentVersion,
        signedName: preferenceLedger.signedName,
        consentTextHash: preferenceLedger.consentTextHash,
        requestHash: preferenceLedger.requestHash,
        createdAt: preferenceLedger.createdAt,
      })
      .from(preferenceLedger)
      .leftJoin(actor, eq(actor.id, preferenceLedger.actorId))
      .where(eq(preferenceLedger.patientId, patientId))
      .orderBy(asc(preferenceLedger.createdAt), asc(preferenceLedger.id)),
    db
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        durationMinutes: appointments.durationMinutes,
        modality: appointments.modality,
        status: appointments.status,
        clinicianName: clinicians.displayName,
        cancelledAt: appointments.cancelledAt,
        createdAt: appointments.createdAt,
      })
      .from(appointments)
      .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
      .where(eq(appointments.patientId, patientId))
      .orderBy(asc(appointments.startsAt)),
    db
      .select({
        id: notificationDeliveries.id,
        kind: notificationDeliveries.kind,
        channel: notificationDeliveries.channel,
        status: notificationDeliveries.status,
        reason: notificationDeliveries.reason,
        appointmentId: notificationDeliveries.appointmentId,
        createdAt: notificationDeliveries.createdAt,
        updatedAt: notificationDeliveries.updatedAt,
      })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.patientId, patientId))
      .orderBy(asc(notificationDeliveries.createdAt)),
    // The patient-facing summary only: private clinical notes are never part of the export.
    db
      .select({
        id: progressNotes.id,
        appointmentId: progressNotes.appointmentId,
        summary: progressNotes.patientSummary,
        clinicianName: clinicians.displayName,
        correctsNoteId: progressNotes.correctsNoteId,
        sharingStatus: progressNotes.sharingStatus,
        createdAt: progressNotes.createdAt,
      })
      .from(progressNotes)
      .innerJoin(clinicians, eq(clinicians.userId, progressNotes.clinicianId))
      .where(eq(progressNotes.patientId, patientId))
      .orderBy(asc(progressNotes.createdAt)),
    staffAccessForExport(db, patientId),
  ]);
  const visitIds = visits.map((visit) => visit.id);
  const recordings =
    visitIds.length === 0
      ? []
      : await db
          .select({
            appointmentId: videoSessions.appointmentId,
            recording: videoSessions.recording,
            recordingReason: videoSessions.recordingReason,
            transcribing: videoSessions.transcribing,
            guardAction: videoSessions.guardAction,
            status: videoSessions.status,
            createdAt: videoSessions.createdAt,
            endedAt: videoSessions.endedAt,
          })
          .from(videoSessions)
          .where(inArray(videoSessions.appointmentId, visitIds))
          .orderBy(asc(videoSessions.createdAt));
  const consentRows = history.filter((row) => (consentFields as readonly string[]).includes(row.field));
  const texts: Map<string, ConsentTextRow> = await consentTextsByVersion(
    db,
    consentRows.map((row) => row.consentVersion).filter((version): version is string => Boolean(version)),
  );
  const lapsed: Record<ConsentField, boolean> = {
    recordingConsent: profileRow.recordingLapsed,
    transcriptionConsent: profileRow.transcriptionLapsed,
    progressSharingConsent: profileRow.sharingLapsed,
  };
  return { profile: profileRow, lapsed, history, consentRows, texts, visits, recordings, messages, notes, staffAccess };
}

export type PatientRecord = NonNullable<Awaited<ReturnType<typeof collectPatientRecord>>>;
export type { StaffAccessEntry };
