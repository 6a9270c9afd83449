import "server-only";
import { and, desc, eq, gte, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationDeliveries, patientProfiles, users } from "@/db/schema";
import type { DeliveryKind } from "./kinds";

const columns = {
  id: notificationDeliveries.id,
  kind: notificationDeliveries.kind,
  channel: notificationDeliveries.channel,
  status: notificationDeliveries.status,
  reason: notificationDeliveries.reason,
  errorCode: notificationDeliveries.errorCode,
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

export type DeliveryFilters = {
  patientEmail?: string;
  kind?: DeliveryKind;
  channel?: "email" | "sms" | "whatsapp";
  status?: "pending" | "sent" | "skipped" | "failed" | "deferred";
};

/** Every delivery for the admin view, filtered, newest first. */
export async function listDeliveries(db: Db, filters: DeliveryFilters, limit = 200) {
  const conditions: (SQL | undefined)[] = [
    filters.patientEmail ? eq(users.email, filters.patientEmail.toLowerCase()) : undefined,
    filters.kind ? eq(notificationDeliveries.kind, filters.kind) : undefined,
    filters.channel ? eq(notificationDeliveries.channel, filters.channel) : undefined,
    filters.status ? eq(notificationDeliveries.status, filters.status) : undefined,
  ];
  return db
    .select({
      ...columns,
      patientEmail: users.email,
      firstName: patientProfiles.firstName,
      lastName: patientProfiles.lastName,
    })
    .from(notificationDeliveries)
    .innerJoin(users, eq(users.id, notificationDeliveries.patientId))
    .innerJoin(patientProfiles, eq(patientProfiles.userId, notificationDeliveries.patientId))
    .where(and(...conditions))
    .orderBy(desc(notificationDeliveries.createdAt))
    .limit(limit);
}

/** The patient an admin filtered deliveries by, for their "Coming up": id and zone only. */
export async function findPatientByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: patientProfiles.userId, timeZone: patientProfiles.timeZone })
    .from(patientProfiles)
    .innerJoin(users, eq(users.id, patientProfiles.userId))
    .where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}
