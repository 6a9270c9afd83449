import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, clinicians, patientProfiles, progressNotes, users } from "@/db/schema";
import { consentVersionLapsed } from "@/lib/patients/consent-versions";
import { decideProgress } from "../decide";
import type { LogicalChannel, ProgressKind } from "../kinds";
import {
  careContactFooter,
  progressShareContent,
  progressUpdateContent,
  progressUpdateText,
} from "../templates/progress-content";
import { PATIENT_EMAIL_FOOTER, renderEmail } from "../templates/render";
import { createUnsubscribeToken, unsubscribeHeaders } from "../unsubscribe";
import { patientChoiceColumns } from "./patient";
import { textsCountedFor, type PrepareOptions, type PreparedDelivery } from "./types";
import { isFirstTextToNumber } from "../usage";

export type ProgressDeliveryRequest = {
  progressNoteId: string;
  kind: ProgressKind;
  channel: LogicalChannel;
  now?: Date;
};

/** The note, its appointment and the patient's current choices, read in one query at the moment of sending. */
async function loadFresh(db: Db, noteId: string, now: Date, lock: boolean) {
  const query = db
    .select({
      patientId: progressNotes.patientId,
      appointmentId: progressNotes.appointmentId,
      summary: progressNotes.patientSummary,
      appointmentStartsAt: appointments.startsAt,
      clinicianName: clinicians.displayName,
      ...patientChoiceColumns,
      progressSharingConsent: patientProfiles.progressSharingConsent,
      progressSharingConsentLapsed: consentVersionLapsed(
        "progressSharingConsent",
        patientProfiles.progressSharingConsentVersion,
        now,
      ),
      careContactName: patientProfiles.careContactName,
      careContactRelationship: patientProfiles.careContactRelationship,
      careContactEmail: patientProfiles.careContactEmail,
    })
    .from(progressNotes)
    .innerJoin(appointments, eq(appointments.id, progressNotes.appointmentId))
    .innerJoin(patientProfiles, eq(patientProfiles.userId, progressNotes.patientId))
    .innerJoin(users, eq(users.id, progressNotes.patientId))
    .innerJoin(clinicians, eq(clinicians.userId, progressNotes.clinicianId))
    .where(eq(progressNotes.id, noteId));
  const [row] = await (lock ? query.for("update", { of: patientProfiles }) : query);
  return row;
}

/** The patient's notice of a new update, and the care contact's copy of the summary; one key per note and recipient. */
export async function prepareProgressMessage(
  db: Db,
  request: ProgressDeliveryRequest,
  now: Date,
  { appUrl, policy, lock }: PrepareOptions,
): Promise<PreparedDelivery> {
  const fresh = await loadFresh(db, request.progressNoteId, now, lock);
  if (!fresh) throw new Error(`Progress note ${request.progressNoteId} not found`);
  const decision = decideProgress({
    kind: request.kind,
    channel: request.channel,
    now,
    patient: fresh,
    policy,
    textsSent: await textsCountedFor(db, request.channel, policy, fresh.patientId, now),
  });
  if (decision.action === "wait") return { decision };
  return {
    decision,
    record: {
      deliveryKey: `progress:${request.progressNoteId}:${request.kind}:${request.channel}`,
      patientId: fresh.patientId,
      appointmentId: fresh.appointmentId,
      progressNoteId: request.progressNoteId,
      kind: request.kind,
    },
    compose: async (channel, claimedAt, composeDb) => {
      if (request.kind === "progress_share") {
        const content = progressShareContent({
          patientFirstName: fresh.firstName,
          contactName: fresh.careContactName ?? "",
          relationship: fresh.careContactRelationship,
          clinicianName: fresh.clinicianName,
          appointmentStartsAt: fresh.appointmentStartsAt,
          timeZone: fresh.timeZone,
          summary: fresh.summary,
          portalUrl: appUrl,
        });
        const email = await renderEmail({
          greetingName: fresh.careContactName ?? "there",
          content,
          footer: careContactFooter(fresh.firstName),
        });
        return { channel: "email", to: fresh.careContactEmail!, email };
      }
      const context = {
        firstName: fresh.firstName,
        clinicianName: fresh.clinicianName,
        progressUrl: `${appUrl}/progress`,
      };
      if (channel === "email") {
        const token = createUnsubscribeToken(fresh.patientId, claimedAt);
        const email = await renderEmail({
          greetingName: fresh.firstName,
          content: progressUpdateContent(context),
          footer: PATIENT_EMAIL_FOOTER,
          unsubscribeUrl: `${appUrl}/unsubscribe?token=${token}`,
        });
        return { channel, to: fresh.email, email, headers: unsubscribeHeaders(appUrl, token) };
      }
      const firstText = channel === "sms" && (await isFirstTextToNumber(composeDb, fresh.patientId));
      return {
        channel,
        to: fresh.phoneE164!,
        body: progressUpdateText(context, channel, firstText),
        variables: { first_name: context.firstName, clinician: context.clinicianName, link: context.progressUrl },
      };
    },
  };
}
