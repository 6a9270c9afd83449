import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patientProfiles } from "@/db/schema";
import { matrixFields, reminderField, type MatrixField, type ReminderField } from "@/lib/notifications/kinds";
import { applyAuditedChanges, type LedgerActor } from "./ledger";
import type { ChangeResult } from "./preferences";
import type { NotificationMatrix, TextHoursInput } from "./schemas";

type Context = { db: Db; patientId: string; actor: LedgerActor; requestHash?: string | null };

/** Which kinds of message go by which channel, and which reminders: one ledger row per cell that changed. */
export async function updateNotificationMatrix(ctx: Context, input: NotificationMatrix): Promise<ChangeResult> {
  const changed = await ctx.db.transaction((tx) => applyAuditedChanges(tx, { ...ctx, changes: input }));
  return { ok: true, changed };
}

/** The patient's own hours for texts, inside the clinic's (the gate takes the narrower of both). */
export async function updateTextHours(ctx: Context, input: TextHoursInput): Promise<ChangeResult> {
  const changed = await ctx.db.transaction((tx) => applyAuditedChanges(tx, { ...ctx, changes: input }));
  return { ok: true, changed };
}

/** The matrix, the patient's own hours and the switches that override them, for the settings page. */
export async function getNotificationChoices(db: Db, patientId: string) {
  const [row] = await db
    .select({
      emailNotifications: patientProfiles.emailNotifications,
      textMessages: patientProfiles.textMessages,
      appointmentReminders: patientProfiles.appointmentReminders,
      timeZone: patientProfiles.timeZone,
      country: patientProfiles.country,
      region: patientProfiles.region,
      textHoursStart: patientProfiles.textHoursStart,
      textHoursEnd: patientProfiles.textHoursEnd,
      ...Object.fromEntries([...matrixFields, ...Object.values(reminderField)].map((f) => [f, patientProfiles[f]])),
    })
    .from(patientProfiles)
    .where(eq(patientProfiles.userId, patientId));
  return (row as (typeof row & Record<MatrixField | ReminderField, boolean>) | undefined) ?? null;
}
