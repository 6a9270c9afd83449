import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { executeRows, type Db } from "@/db/client";
import { accessLog, clinicians, patientProfiles, users } from "@/db/schema";
import {
  matchesText,
  pageOf,
  pageWindow,
  PAGE_SIZE,
  totalMatching,
  withinDates,
  type ListParams,
} from "@/lib/admin/list";

// Reads of the access log itself are not logged (they would log themselves without end).
const actor = alias(users, "actor");
const patientUser = alias(users, "patient_user");
const staffName = sql<string>`coalesce(${clinicians.displayName}, ${actor.name}, ${actor.email})`;

/** Every access-log row of one patient, oldest first: for the patient's own export (FHIR AuditEvent). */
export async function accessLogForPatient(db: Db, patientId: string) {
  return db
    .select({
      id: accessLog.id,
      at: accessLog.createdAt,
      actorId: accessLog.actorId,
      actorName: staffName,
      actorRole: accessLog.actorRole,
      what: accessLog.what,
      requestHash: accessLog.requestHash,
    })
    .from(accessLog)
    .innerJoin(actor, eq(actor.id, accessLog.actorId))
    .leftJoin(clinicians, eq(clinicians.userId, accessLog.actorId))
    .where(eq(accessLog.patientId, patientId))
    .orderBy(asc(accessLog.createdAt), asc(accessLog.id));
}
export type PatientAccessRow = Awaited<ReturnType<typeof accessLogForPatient>>[number];

export type AccessLogFilters = ListParams & {
  staff?: string;
  what?: string;
  role?: "clinician" | "admin";
  csv?: "yes";
};

/** The admin's access log: who read whose record, filtered, newest first, a page at a time. */
export async function listAccessLog(db: Db, filters: AccessLogFilters) {
  const conditions: (SQL | undefined)[] = [
    matchesText(
      filters.patient,
      [patientUser.name, patientUser.email],
      [patientProfiles.firstName, patientProfiles.lastName],
    ),
    matchesText(filters.staff, [actor.name, actor.email, clinicians.displayName]),
    ...withinDates(accessLog.createdAt, filters),
    filters.what ? eq(accessLog.what, filters.what) : undefined,
    filters.csv ? sql`${accessLog.what} like 'csv_export:%'` : undefined,
    filters.role ? eq(accessLog.actorRole, filters.role) : undefined,
  ];
  const rows = await db
    .select({
      id: accessLog.id,
      at: accessLog.createdAt,
      actorName: staffName,
      actorEmail: actor.email,
      actorRole: accessLog.actorRole,
      patientId: accessLog.patientId,
      patientName: sql<string>`coalesce(${patientProfiles.firstName} || ' ' || ${patientProfiles.lastName}, ${patientUser.name})`,
      patientEmail: patientUser.email,
      what: accessLog.what,
      requestHash: accessLog.requestHash,
      total: totalMatching(),
    })
    .from(accessLog)
    .innerJoin(actor, eq(actor.id, accessLog.actorId))
    .leftJoin(clinicians, eq(clinicians.userId, accessLog.actorId))
    .innerJoin(patientUser, eq(patientUser.id, accessLog.patientId))
    .leftJoin(patientProfiles, eq(patientProfiles.userId, accessLog.patientId))
    .where(and(...conditions))
    .orderBy(desc(accessLog.createdAt), desc(accessLog.id))
    .limit(pageWindow(filters).limit)
    .offset(pageWindow(filters).offset);
  return pageOf(rows, filters);
}
export type AccessLogRow = Awaited<ReturnType<typeof listAccessLog>>["rows"][number];

export type TimelineItem = {
  at: Date;
  type: "access" | "disclosure" | "recording" | "message";
  who: string | null;
  role: string | null;
  what: string;
  detail: string | null;
  total: number;
};

/**
 * "Who knows what about me": staff reads, summaries shared with the care contact, recording decisions and messages
 * sent, newest first, one page in one query.
 */
export async function patientTimeline(db: Db, patientId: string, page: number) {
  const rows = await executeRows<Omit<TimelineItem, "at" | "total"> & { at: Date | string; total: number | string }>(
    db,
    sql`select at, type, who, role, what, detail, count(*) over () as total from (
      select l.created_at as at, 'access' as type, coalesce(c.display_name, u.name, u.email) as who,
             l.actor_role::text as role, l.what as what, null::text as detail
        from access_log l join users u on u.id = l.actor_id left join clinicians c on c.user_id = l.actor_id
        where l.patient_id = ${patientId}
      union all
      select d.created_at, case when d.kind = 'progress_share' then 'disclosure' else 'message' end, null, null,
             d.kind, d.channel::text
        from notification_deliveries d
        where d.patient_id = ${patientId} and d.status = 'sent'
      union all
      select v.created_at, 'recording', coalesce(c.display_name, u.name), 'clinician',
             case when v.recording then 'on' else 'off' end, v.recording_reason
        from video_sessions v join appointments a on a.id = v.appointment_id
        join users u on u.id = v.created_by left join clinicians c on c.user_id = v.created_by
        where a.patient_id = ${patientId}
    ) timeline
    order by at desc, type
    limit ${PAGE_SIZE} offset ${(Math.max(1, page) - 1) * PAGE_SIZE}`,
  );
  const items = rows.map((row) => ({ ...row, at: new Date(row.at), total: Number(row.total) })) as TimelineItem[];
  return pageOf(items, { page: Math.max(1, page), zone: "UTC" });
}
