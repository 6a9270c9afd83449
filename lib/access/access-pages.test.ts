import { and, eq, gt, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actAs } from "@/db/testing/request";
import { appointments, patientProfiles, users, videoSessions } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { accessRowsSince, countAccessInserts, lastAccessId, seedAdminListRows, seededIds } from "@/testing/access-data";

// Each staff page and export, rendered as Next renders it: what it reads is what it logs, in one insert.
let ids: Awaited<ReturnType<typeof seededIds>>;

type Read = { patient: string; what: string };

async function expectLogged(email: string, render: () => Promise<unknown>, expected: () => Read[]) {
  await actAs(db(), email);
  const before = await lastAccessId(db());
  const { inserts } = await countAccessInserts(db(), render);
  const rows = await accessRowsSince(db(), before);
  const actor = email === seedEmails.admin ? ids.admin : email === seedEmails.grey ? ids.grey : ids.shepherd;
  const sort = (reads: Read[]) => reads.map((r) => `${r.patient} ${r.what}`).sort();
  expect(sort(rows.map((row) => ({ patient: row.patientId, what: row.what })))).toEqual(sort(expected()));
  expect(rows.every((row) => row.actorId === actor && row.requestHash && row.requestHash.length === 32)).toBe(true);
  expect(inserts).toBe(expected().length === 0 ? 0 : 1);
  return rows;
}

// Static imports, so the bundler resolves each route (a template-literal import would not be).
type Render = (props?: unknown) => Promise<unknown>;
const pages: Record<string, () => Promise<{ default: Render }>> = {
  schedule: () => import("@/app/schedule/page") as Promise<{ default: Render }>,
  "schedule/[appointmentId]/notes": () =>
    import("@/app/schedule/[appointmentId]/notes/page") as Promise<{ default: Render }>,
  "sessions/[appointmentId]": () => import("@/app/sessions/[appointmentId]/page") as Promise<{ default: Render }>,
  "admin/deliveries": () => import("@/app/admin/deliveries/page") as Promise<{ default: Render }>,
  "admin/consent-ledger": () => import("@/app/admin/consent-ledger/page") as Promise<{ default: Render }>,
  "admin/progress-sharing": () => import("@/app/admin/progress-sharing/page") as Promise<{ default: Render }>,
  "admin/video-sessions": () => import("@/app/admin/video-sessions/page") as Promise<{ default: Render }>,
  "admin/video-sessions/[id]": () => import("@/app/admin/video-sessions/[id]/page") as Promise<{ default: Render }>,
  "admin/appointments": () => import("@/app/admin/appointments/page") as Promise<{ default: Render }>,
  "admin/access-log": () => import("@/app/admin/access-log/page") as Promise<{ default: Render }>,
  "admin/schedule": () => import("@/app/admin/schedule/page") as Promise<{ default: Render }>,
  "schedule/[appointmentId]/cancel": () =>
    import("@/app/schedule/[appointmentId]/cancel/page") as Promise<{ default: Render }>,
};
type Export = { GET: (request: Request) => Promise<Response> };
const exports: Record<string, () => Promise<Export>> = {
  "admin/deliveries": () => import("@/app/admin/deliveries/export/route"),
  "admin/consent-ledger": () => import("@/app/admin/consent-ledger/export/route"),
  "admin/progress-sharing": () => import("@/app/admin/progress-sharing/export/route"),
  "admin/video-sessions": () => import("@/app/admin/video-sessions/export/route"),
  "admin/appointments": () => import("@/app/admin/appointments/export/route"),
};
const page = async (path: string) => (await pages[path]!()).default;

beforeAll(async () => {
  await seed(db());
  ids = await seededIds(db());
  await seedAdminListRows(db(), ids);
  // Compiling the route modules takes longest on a busy machine: done here, under the hook's longer timeout.
  await Promise.all([...Object.values(pages), ...Object.values(exports)].map((load) => load()));
}, 180_000);
const props = (searchParams: Record<string, string> = {}, params: Record<string, string> = {}) => ({
  searchParams: Promise.resolve(searchParams),
  params: Promise.resolve(params),
});

describe("clinician pages", () => {
  it("/schedule logs each patient shown once per list, in one insert", async () => {
    const schedule = await page("schedule");
    const rows = await expectLogged(
      seedEmails.grey,
      () => schedule(),
      () => [
        { patient: ids.ada, what: "schedule" },
        { patient: ids.ben, what: "schedule" },
        { patient: ids.ada, what: "patient_list" },
        { patient: ids.ben, what: "patient_list" },
      ],
    );
    expect(rows.every((row) => row.actorRole === "clinician")).toBe(true);
  });

  it("progress notes log the one patient; another clinician's visit is a 404 that logs nothing", async () => {
    const [visit] = await db()
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.patientId, ids.ada), eq(appointments.status, "completed")));
    const notes = await page("schedule/[appointmentId]/notes");
    await expectLogged(
      seedEmails.grey,
      () => notes(props({}, { appointmentId: visit!.id })),
      () => [{ patient: ids.ada, what: "progress_notes" }],
    );
    await expectLogged(
      seedEmails.shepherd,
      () => notes(props({}, { appointmentId: visit!.id })).catch(() => null),
      () => [],
    );
  });

  it("the cancel confirmation logs its patient; another clinician's visit is a 404 that logs nothing", async () => {
    const [visit] = await db()
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.patientId, ids.ada),
          eq(appointments.clinicianId, ids.grey),
          gt(appointments.startsAt, new Date()),
        ),
      )
      .limit(1);
    const cancel = await page("schedule/[appointmentId]/cancel");
    await expectLogged(
      seedEmails.grey,
      () => cancel(props({}, { appointmentId: visit!.id })),
      () => [{ patient: ids.ada, what: "schedule" }],
    );
    await expectLogged(
      seedEmails.shepherd,
      () => cancel(props({}, { appointmentId: visit!.id })).catch(() => null),
      () => [],
    );
  });

  it("the video session page logs its patient", async () => {
    const [visit] = await db()
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.patientId, ids.ben), eq(appointments.clinicianId, ids.shepherd)));
    const session = await page("sessions/[appointmentId]");
    await expectLogged(
      seedEmails.shepherd,
      () => session(props({}, { appointmentId: visit!.id })),
      () => [{ patient: ids.ben, what: "video_session" }],
    );
  });
});

describe("admin video session detail", () => {
  it("logs the session's one patient; an unknown session is a 404 that logs nothing", async () => {
    const [session] = await db()
      .select({ id: videoSessions.id })
      .from(videoSessions)
      .innerJoin(appointments, eq(appointments.id, videoSessions.appointmentId))
      .where(eq(appointments.patientId, ids.ben));
    const detail = await page("admin/video-sessions/[id]");
    await expectLogged(
      seedEmails.admin,
      () => detail(props({}, { id: session!.id })),
      () => [{ patient: ids.ben, what: "video_sessions" }],
    );
    await expectLogged(
      seedEmails.admin,
      () => detail(props({}, { id: "00000000-0000-4000-8000-000000000000" })).catch(() => null),
      () => [],
    );
  });
});

const adminLists = [
  ["admin/deliveries", "deliveries"],
  ["admin/consent-ledger", "consent_ledger"],
  ["admin/progress-sharing", "progress_sharing"],
  ["admin/video-sessions", "video_sessions"],
  ["admin/appointments", "appointment_changes"],
] as const;

describe("admin lists", () => {
  it.each(adminLists)("/%s logs one row per patient shown, in one insert", async (path, what) => {
    const list = await page(path);
    const patients = path === "admin/consent-ledger" ? [ids.ada] : [ids.ada, ids.ben];
    await expectLogged(
      seedEmails.admin,
      () => list(props()),
      () => patients.map((patient) => ({ patient, what })),
    );
    // A filter that shows only Ada logs only Ada.
    await expectLogged(
      seedEmails.admin,
      () => list(props({ patient: "ada" })),
      () => [{ patient: ids.ada, what }],
    );
  });

  it.each(adminLists)("/%s/export logs each patient in the file as a CSV export", async (path, what) => {
    const { GET } = await exports[path]!();
    const patients = path === "admin/consent-ledger" ? [ids.ada] : [ids.ada, ids.ben];
    await expectLogged(
      seedEmails.admin,
      async () => {
        const response = await GET(new Request(`https://portal.clinic.example/${path}/export`));
        expect(response.status).toBe(200);
        await response.text();
      },
      () => patients.map((patient) => ({ patient, what: `csv_export:${what}` })),
    );
  });

  it("/admin/deliveries filtered by one patient's email also shows and logs their Coming up, in the same insert", async () => {
    const list = await page("admin/deliveries");
    await expectLogged(
      seedEmails.admin,
      () => list(props({ patient: seedEmails.ada })),
      () => [
        { patient: ids.ada, what: "deliveries" },
        { patient: ids.ada, what: "coming_up" },
      ],
    );
  });

  it("/admin/schedule logs the clinician's schedule and every active patient of the booking picker, in one insert", async () => {
    const adminSchedule = await page("admin/schedule");
    const activePatients = await db()
      .select({ id: patientProfiles.userId })
      .from(patientProfiles)
      .innerJoin(users, eq(users.id, patientProfiles.userId))
      .where(isNull(users.deactivatedAt));
    await expectLogged(
      seedEmails.admin,
      () => adminSchedule(props({ clinician: ids.grey })),
      () => [
        { patient: ids.ada, what: "schedule" },
        { patient: ids.ben, what: "schedule" },
        ...activePatients.map((row) => ({ patient: row.id, what: "patient_list" })),
      ],
    );
    // Before a clinician is chosen, no patient is shown and nothing is logged.
    await expectLogged(
      seedEmails.admin,
      () => adminSchedule(props()),
      () => [],
    );
  });

  it("reading and exporting the access log itself is not logged", async () => {
    const accessLogPage = await page("admin/access-log");
    const { GET } = await import("@/app/admin/access-log/export/route");
    await expectLogged(
      seedEmails.admin,
      async () => {
        await accessLogPage(props({ patient: "ada" }));
        expect((await GET(new Request("https://portal.clinic.example/admin/access-log/export"))).status).toBe(200);
      },
      () => [],
    );
  });

  it("a patient calling an export is refused and nothing is read or logged", async () => {
    const { GET } = await import("@/app/admin/deliveries/export/route");
    await actAs(db(), seedEmails.ada);
    const before = await lastAccessId(db());
    expect((await GET(new Request("https://portal.clinic.example/admin/deliveries/export"))).status).toBe(403);
    expect(await accessRowsSince(db(), before)).toEqual([]);
  });
});
