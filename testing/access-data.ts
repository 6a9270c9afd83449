import { and, asc, eq } from "drizzle-orm";
import { vi } from "vitest";
import type { Db } from "@/db/client";
import {
  accessLog,
  appointments,
  notificationDeliveries,
  progressNotes,
  users,
  videoSessions,
  type AccessLogEntry,
} from "@/db/schema";
import { seedEmails } from "@/db/seed";

/** The seeded people's ids by their seed name. */
export async function seededIds(db: Db) {
  const rows = await db.select({ id: users.id, email: users.email }).from(users);
  const id = (email: string) => rows.find((row) => row.email === email)!.id;
  return {
    ada: id(seedEmails.ada),
    ben: id(seedEmails.ben),
    grey: id(seedEmails.grey),
    shepherd: id(seedEmails.shepherd),
    admin: id(seedEmails.admin),
  };
}

/** Something on every admin list for Ada and Ben: a delivery, a progress note and a video session each. */
export async function seedAdminListRows(db: Db, ids: Awaited<ReturnType<typeof seededIds>>) {
  for (const patientId of [ids.ada, ids.ben]) {
    const [visit] = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.patientId, patientId), eq(appointments.status, "completed")))
      .orderBy(asc(appointments.startsAt));
    await db.insert(notificationDeliveries).values({
      deliveryKey: `access-test:${patientId}`,
      patientId,
      kind: "confirmation",
      channel: "email",
      status: "sent",
      appointmentId: visit!.id,
    });
    await db.insert(progressNotes).values({
      appointmentId: visit!.id,
      clinicianId: ids.grey,
      patientId,
      privateNote: "Private note",
      patientSummary: "Summary",
      sharingStatus: "shared",
    });
    await db.insert(videoSessions).values({
      appointmentId: visit!.id,
      roomName: `room-${visit!.id}`,
      recording: false,
      recordingReason: "no_consent",
      createdBy: ids.grey,
      status: "ended",
    });
  }
}

/** Access-log rows written after `afterId`, as (patient, what, actor) triples sorted for comparison. */
export async function accessRowsSince(db: Db, afterId: number): Promise<AccessLogEntry[]> {
  const rows = await db.select().from(accessLog).orderBy(asc(accessLog.id));
  return rows.filter((row) => row.id > afterId);
}

export async function lastAccessId(db: Db): Promise<number> {
  const rows = await db.select({ id: accessLog.id }).from(accessLog);
  return rows.reduce((max, row) => Math.max(max, row.id), 0);
}

/** Counts the INSERT statements into access_log that `fn` makes (each db.insert(accessLog) is one statement). */
export async function countAccessInserts<T>(db: Db, fn: () => Promise<T>): Promise<{ result: T; inserts: number }> {
  const spy = vi.spyOn(db, "insert");
  try {
    const result = await fn();
    return { result, inserts: spy.mock.calls.filter(([table]) => table === accessLog).length };
  } finally {
    spy.mockRestore();
  }
}
