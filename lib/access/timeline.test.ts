import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actAs } from "@/db/testing/request";
import { accessLog, appointments, notificationDeliveries } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import NotesPage from "@/app/schedule/[appointmentId]/notes/page";
import { accessLogForPatient, patientTimeline } from "@/lib/access/queries";
import { seedAdminListRows, seededIds } from "@/testing/access-data";

let ids: Awaited<ReturnType<typeof seededIds>>;
beforeAll(async () => {
  await seed(db());
  ids = await seededIds(db());
  await seedAdminListRows(db(), ids);
  // A progress summary that reached Ada's care contact: a disclosure.
  await db().insert(notificationDeliveries).values({
    deliveryKey: "timeline-test:share",
    patientId: ids.ada,
    kind: "progress_share",
    channel: "email",
    status: "sent",
  });
});

describe("who has seen my record", () => {
  it("shows Dr Grey's read of Ada's notes first, with disclosures, recording decisions and messages, and none of Ben's", async () => {
    const [visit] = await db()
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.patientId, ids.ada), eq(appointments.status, "completed")));
    await actAs(db(), seedEmails.grey);
    await NotesPage({
      params: Promise.resolve({ appointmentId: visit!.id }),
      searchParams: Promise.resolve({}),
    } as never);

    const page = await patientTimeline(db(), ids.ada, 1);
    expect(page.rows[0]).toMatchObject({
      type: "access",
      who: "Dr. Meredith Grey",
      role: "clinician",
      what: "progress_notes",
    });
    expect(page.rows.map((row) => row.type).sort()).toEqual(["access", "disclosure", "message", "recording"]);
    expect(page.rows.find((row) => row.type === "recording")).toMatchObject({ what: "off", detail: "no_consent" });
    expect(page.total).toBe(4);
    const bens = await patientTimeline(db(), ids.ben, 1);
    expect(bens.rows.some((row) => row.type === "access" || row.type === "disclosure")).toBe(false);
  });

  it("pages 50 at a time, newest first, with the total", async () => {
    await db()
      .insert(accessLog)
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          actorId: ids.admin,
          actorRole: "admin" as const,
          patientId: ids.ben,
          what: "deliveries",
          createdAt: new Date(Date.now() - (i + 1) * 60_000),
        })),
      );
    const first = await patientTimeline(db(), ids.ben, 1);
    const second = await patientTimeline(db(), ids.ben, 2);
    expect(first.rows).toHaveLength(50);
    expect(first.total).toBe(second.total);
    expect(first.total).toBeGreaterThanOrEqual(60);
    expect(first.rows[0]!.at.getTime()).toBeGreaterThanOrEqual(first.rows[49]!.at.getTime());
    expect(first.rows[49]!.at.getTime()).toBeGreaterThanOrEqual(second.rows[0]!.at.getTime());
    expect(first.pages).toBe(Math.ceil(first.total / 50));
  });

  it("accessLogForPatient (for the patient's export) holds exactly the patient's own rows, oldest first", async () => {
    const rows = await accessLogForPatient(db(), ids.ada);
    const all = await db().select().from(accessLog).where(eq(accessLog.patientId, ids.ada));
    expect(rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(all.map((row) => row.id).sort((a, b) => a - b));
    expect(rows[0]).toMatchObject({ actorName: "Dr. Meredith Grey", actorRole: "clinician", what: "progress_notes" });
    expect(rows[0]!.requestHash).toHaveLength(32);
  });
});
