import "server-only";
import { and, desc, eq, gte, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationDeliveries, patientProfiles, users } from "@/db/schema";
import { matchesText, pageOf, pageWindow, totalMatching, withinDates, type ListParams } from "@/lib/admin/list";
import { rowPatients, staffRead } from "@/lib/access/record";
import type { DeliveryKind } from "./kinds";
import { comingUp } from "./preview";
import type { ProviderStatus } from "./provider-status";

const columns = {
  id: notificationDeliveries.id,
  kind: notificationDeliveries.kind,
  channel: notificationDeliveries.channel,
  status: notificationDeliveries.status,
  reason: notificationDeliveries.reason,
  errorCode: notificationDeliveries.errorCode,
  providerStatus: notificationDeliveries.providerStatus,
  appointmentStartsAt: notificationDeliveries.appointmentStartsAt,
  createdAt: notificationDeliveries.createdAt,
};

/** A patient's own messages, sent or not and why, newest first. */
export async function listRecentMessagesForPatient(db: Db, patientId: string, days = 30, now = new Date()) {
  return db
    .select(columns)
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.patientId, patientId),
        gte(notificationDeliveries.createdAt, new Date(now.getTime() - days * 86_400_000)),
      ),
    )
    .orderBy(desc(notificationDeliveries.createdAt))
    .limit(200);
}
export type MessageRow = Awaited<ReturnType<typeof listRecentMessagesForPatient>>[number];

export type DeliveryFilters = ListParams & {
  kind?: DeliveryKind;
  channel?: "email" | "sms" | "whatsapp";
  status?: "pending" | "sent" | "skipped" | "failed" | "deferred";
  delivery?: ProviderStatus;
};

/** Every delivery for the admin view, filtered, newest first, a page at a time (or all of it to export). */
export const listDeliveries = staffRead(
  "deliveries",
  (page) => rowPatients(page.rows),
  async function listDeliveries(db: Db, filters: DeliveryFilters) {
    const conditions: (SQL | undefined)[] = [
      matchesText(filters.patient, [users.name, users.email], [patientProfiles.firstName, patientProfiles.lastName]),
      ...withinDates(notificationDeliveries.createdAt, filters),
      filters.kind ? eq(notificationDeliveries.kind, filters.kind) : undefined,
      filters.channel ? eq(notificationDeliveries.channel, filters.channel) : undefined,
      filters.status ? eq(notificationDeliveries.status, filters.status) : undefined,
      filters.delivery ? eq(notificationDeliveries.providerStatus, filters.delivery) : undefined,
    ];
    const rows = await db
      .select({
        ...columns,
        patientId: notificationDeliveries.patientId,
        patientEmail: users.email,
        firstName: patientProfiles.firstName,
        lastName: patientProfiles.lastName,
        total: totalMatching(),
      })
      .from(notificationDeliveries)
      .innerJoin(users, eq(users.id, notificationDeliveries.patientId))
      .innerJoin(patientProfiles, eq(patientProfiles.userId, notificationDeliveries.patientId))
      .where(and(...conditions))
      .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
      .limit(pageWindow(filters).limit)
      .offset(pageWindow(filters).offset);
    return pageOf(rows, filters);
  },
);

/**
 * What the next two weeks will bring one patient, found by their exact email: the admin's view of the patient's own
 * "Coming up", decided by the gate's rules (preview.ts). Logged: it shows the patient's visits and choices.
 */
async function findComingUp(db: Db, email: string, now: Date = new Date()) {
  const [patient] = await db
    .select({ patientId: patientProfiles.userId, timeZone: patientProfiles.timeZone })
    .from(patientProfiles)
    .innerJoin(users, eq(users.id, patientProfiles.userId))
    .where(eq(users.email, email.toLowerCase()));
  return patient ? { ...patient, items: await comingUp(db, patient.patientId, now) } : null;
}
export const comingUpForPatient = staffRead("coming_up", (found) => (found ? [found.patientId] : []), findComingUp);
