import "server-only";
import { and, eq, gt, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, notificationDeliveries, patientProfiles, users } from "@/db/schema";
import { env } from "@/lib/env";
import { decide, type DecisionInput, type SkipReason } from "./decide";
import { logicalChannels, reminderKinds, reminderWindows, type Channel, type ReminderKind } from "./kinds";
import { patientChoiceColumns } from "./subjects/patient";
import { textsSentAround } from "./usage";

export const PREVIEW_DAYS = 14;

export type PreviewItem = {
  appointmentId: string;
  startsAt: Date;
  kind: ReminderKind;
  channel: Channel;
  /** when it goes, or would have gone */
  at: Date;
  /** set when quiet hours move it: the moment it was due */
  movedFrom?: Date;
  outcome: "send" | "skip";
  reason?: SkipReason;
};

type Pending = Omit<PreviewItem, "at" | "outcome" | "reason" | "channel"> & {
  logical: "email" | "text";
  moment: Date;
  appointment: DecisionInput["appointment"];
};

/** The order messages are decided in: by moment, email first, then the sooner visit and the earlier reminder. */
export const byMoment = (
  a: { moment: Date; logical: string; startsAt: Date; kind: ReminderKind },
  b: { moment: Date; logical: string; startsAt: Date; kind: ReminderKind },
) =>
  a.moment.getTime() - b.moment.getTime() ||
  a.logical.localeCompare(b.logical) ||
  a.startsAt.getTime() - b.startsAt.getTime() ||
  reminderKinds.indexOf(a.kind) - reminderKinds.indexOf(b.kind);

/**
 * Every message the next `days` will bring the patient, and what would be skipped and why: each reminder is decided
 * by the gate's own `decide` at its moment, in time order, with the texts before it counted as the gate counts them.
 */
export async function comingUp(db: Db, patientId: string, now = new Date(), days = PREVIEW_DAYS) {
  const [patient] = await db
    .select(patientChoiceColumns)
    .from(patientProfiles)
    .innerJoin(users, eq(users.id, patientProfiles.userId))
    .where(eq(patientProfiles.userId, patientId));
  if (!patient) return [];
  const until = new Date(now.getTime() + days * 86_400_000);
  const visits = await db
    .select({
      id: appointments.id,
      status: appointments.status,
      startsAt: appointments.startsAt,
      durationMinutes: appointments.durationMinutes,
      createdAt: appointments.createdAt,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.patientId, patientId),
        eq(appointments.status, "scheduled"),
        gt(appointments.startsAt, now),
        // A reminder due inside the period belongs to a visit up to a day after it.
        lte(appointments.startsAt, new Date(until.getTime() + reminderWindows.reminder_24h.opensBefore)),
      ),
    );
  const records = visits.length
    ? await db
        .select({
          key: notificationDeliveries.deliveryKey,
          status: notificationDeliveries.status,
          scheduledFor: notificationDeliveries.scheduledFor,
        })
        .from(notificationDeliveries)
        .where(
          inArray(
            notificationDeliveries.appointmentId,
            visits.map((visit) => visit.id),
          ),
        )
    : [];
  const recorded = new Map(records.map((record) => [record.key, record]));

  const queue: Pending[] = [];
  for (const visit of visits)
    for (const kind of reminderKinds)
      for (const logical of logicalChannels) {
        const due = new Date(visit.startsAt.getTime() - reminderWindows[kind].opensBefore);
        const record = recorded.get(`${visit.id}:${kind}:${logical}:${visit.startsAt.toISOString()}`);
        // Decided already (shown under Messages), unless it waits for quiet hours to end.
        if (record && record.status !== "deferred") continue;
        const moment = record?.scheduledFor ?? (due < now ? now : due);
        if (moment > until) continue;
        const movedFrom = record?.scheduledFor ? due : undefined;
        queue.push({
          appointmentId: visit.id,
          startsAt: visit.startsAt,
          kind,
          logical,
          moment,
          movedFrom,
          appointment: visit,
        });
      }

  const policy = env().notificationPolicy;
  const counted = await textsSentAround(db, patientId, now);
  const items: PreviewItem[] = [];
  while (queue.length > 0) {
    // Earliest first, so a cap sees exactly the texts the gate would have counted by then (ties: the sooner visit).
    queue.sort(byMoment);
    const next = queue.shift()!;
    const decision = decide({
      kind: next.kind,
      channel: next.logical,
      now: next.moment,
      patient,
      appointment: next.appointment,
      policy,
      textsSent: counted,
    });
    if (decision.action === "wait") continue;
    if (decision.action === "defer") {
      queue.push({ ...next, moment: decision.until, movedFrom: next.movedFrom ?? next.moment });
      continue;
    }
    if (decision.action === "send" && decision.channel !== "email") counted.push(next.moment);
    items.push({
      appointmentId: next.appointmentId,
      startsAt: next.startsAt,
      kind: next.kind,
      channel: decision.channel,
      at: next.moment,
      movedFrom: next.movedFrom,
      outcome: decision.action,
      reason: decision.action === "skip" ? decision.reason : undefined,
    });
  }
  return items;
}
