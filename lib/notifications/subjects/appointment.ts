import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentReschedules, appointments, clinicians, patientProfiles, users } from "@/db/schema";
import { addressOf, appointmentCalendar, calendarFileName } from "@/lib/appointments/calendar";
import { env } from "@/lib/env";
import { decide } from "../decide";
import type { LogicalChannel, MessageKind } from "../kinds";
import { textBody, type MessageContext } from "../templates/content";
import { renderAppointmentEmail } from "../templates/render";
import { createUnsubscribeToken, unsubscribeHeaders } from "../unsubscribe";
import { patientChoiceColumns } from "./patient";
import { textsCountedFor, type PrepareOptions, type PreparedDelivery } from "./types";
import { isFirstTextToNumber } from "../usage";
import { formatDateTime } from "@/lib/format";

export type AppointmentDeliveryRequest = {
  appointmentId: string;
  kind: MessageKind;
  channel: LogicalChannel;
  /** a reschedule message: the history row of the change it announces */
  rescheduleId?: string;
  now?: Date;
};

/** Current rows, read in one query at the moment of sending. */
async function loadFresh(db: Db, appointmentId: string, lock: boolean) {
  const query = db
    .select({
      id: appointments.id,
      sequence: appointments.sequence,
      patientId: appointments.patientId,
      status: appointments.status,
      startsAt: appointments.startsAt,
      durationMinutes: appointments.durationMinutes,
      modality: appointments.modality,
      createdAt: appointments.createdAt,
      clinicianName: clinicians.displayName,
      ...patientChoiceColumns,
    })
    .from(appointments)
    .innerJoin(patientProfiles, eq(patientProfiles.userId, appointments.patientId))
    .innerJoin(users, eq(users.id, appointments.patientId))
    .innerJoin(clinicians, eq(clinicians.userId, appointments.clinicianId))
    .where(eq(appointments.id, appointmentId));
  // Under frequency caps the patient's row is locked until the claim commits: texts decided at once queue here.
  const [row] = await (lock ? query.for("update", { of: patientProfiles }) : query);
  return row;
}

/**
 * The reschedule a message announces (the latest, for events queued before they carried its id), and whether a later
 * change replaced it: each reschedule is its own message, but a backlog need not tell the patient the same time twice.
 */
async function rescheduleChange(db: Db, appointmentId: string, rescheduleId: string | undefined) {
  const [row] = await db
    .select({
      id: appointmentReschedules.id,
      superseded: sql<boolean>`exists (select 1 from appointment_reschedules later where later.appointment_id = "appointment_reschedules"."appointment_id" and later.created_at > "appointment_reschedules"."created_at")`,
    })
    .from(appointmentReschedules)
    .where(
      and(
        eq(appointmentReschedules.appointmentId, appointmentId),
        rescheduleId ? eq(appointmentReschedules.id, rescheduleId) : undefined,
      ),
    )
    .orderBy(desc(appointmentReschedules.createdAt))
    .limit(1);
  if (!row) throw new Error(`Reschedule ${rescheduleId ?? "(latest)"} of appointment ${appointmentId} not found`);
  return { rescheduleId: row.id, superseded: Boolean(row.superseded) };
}

/** Messages that change the patient's calendar carry the .ics file: a REQUEST, or the CANCEL of the same UID. */
const calendarKinds = new Set<MessageKind>(["confirmation", "rescheduled", "cancellation"]);

/**
 * The appointment's calendar file as it is now, the same as the /appointments download. Stamped with the claim's time,
 * so a retried send asks Resend for the same payload.
 */
function calendarAttachment(
  fresh: NonNullable<Awaited<ReturnType<typeof loadFresh>>>,
  appUrl: string,
  claimedAt: Date,
) {
  const parties = { appUrl, organizerEmail: addressOf(env().emailFrom), attendeeEmail: fresh.email };
  const ics = appointmentCalendar(fresh, parties, claimedAt);
  return {
    filename: calendarFileName(fresh),
    contentType: `text/calendar; method=${fresh.status === "cancelled" ? "CANCEL" : "REQUEST"}; charset=utf-8`,
    content: Buffer.from(ics, "utf8").toString("base64"),
  };
}

/** Confirmations, reminders, cancellations and reschedules, keyed by the appointment's current start. */
export async function prepareAppointmentMessage(
  db: Db,
  request: AppointmentDeliveryRequest,
  now: Date,
  { appUrl, policy, lock }: PrepareOptions,
): Promise<PreparedDelivery> {
  const fresh = await loadFresh(db, request.appointmentId, lock);
  if (!fresh) throw new Error(`Appointment ${request.appointmentId} not found`);
  const change =
    request.kind === "rescheduled" ? await rescheduleChange(db, request.appointmentId, request.rescheduleId) : null;
  const decision = decide({
    kind: request.kind,
    channel: request.channel,
    now,
    patient: fresh,
    appointment: fresh,
    // A confirmation still unsent (deferred, or in a backlog) once the visit moved: the reschedule message tells it.
    superseded: change ? change.superseded : request.kind === "confirmation" && fresh.sequence > 0,
    policy,
    textsSent: await textsCountedFor(db, request.channel, policy, fresh.patientId, now),
  });
  if (decision.action === "wait") return { decision };
  return {
    decision,
    // Texts share one key whatever their channel, so switching SMS/WhatsApp between retries cannot send twice.
    record: {
      deliveryKey: `${request.appointmentId}:${request.kind}:${request.channel}:${change ? change.rescheduleId : fresh.startsAt.toISOString()}`,
      patientId: fresh.patientId,
      appointmentId: request.appointmentId,
      appointmentStartsAt: fresh.startsAt,
      kind: request.kind,
    },
    compose: async (channel, claimedAt, composeDb) => {
      const token = createUnsubscribeToken(fresh.patientId, claimedAt);
      const context: MessageContext = {
        kind: request.kind,
        firstName: fresh.firstName,
        clinicianName: fresh.clinicianName,
        startsAt: fresh.startsAt,
        timeZone: fresh.timeZone,
        modality: fresh.modality,
        portalUrl: `${appUrl}/appointments`,
        visitUrl: `${appUrl}/visit/${request.appointmentId}`,
        unsubscribeUrl: `${appUrl}/unsubscribe?token=${token}`,
      };
      if (channel === "email") {
        return {
          channel,
          to: fresh.email,
          email: await renderAppointmentEmail(context),
          headers: unsubscribeHeaders(appUrl, token),
          attachments: calendarKinds.has(request.kind) ? [calendarAttachment(fresh, appUrl, claimedAt)] : undefined,
        };
      }
      const firstText = channel === "sms" && (await isFirstTextToNumber(composeDb, fresh.patientId));
      return {
        channel,
        to: fresh.phoneE164!,
        body: textBody(context, channel, firstText),
        variables: {
          first_name: context.firstName,
          date_time: formatDateTime(context.startsAt, context.timeZone),
          clinician: context.clinicianName,
          link:
            request.kind === "reminder_15m" && fresh.modality === "telehealth" ? context.visitUrl : context.portalUrl,
        },
      };
    },
  };
}
