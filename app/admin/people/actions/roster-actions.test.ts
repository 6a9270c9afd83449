// First: it stands in for Next's request scope (next/headers, after()) for everything imported below.
import { actAs, form, runAfterResponse } from "@/db/testing/request";
import { count, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FormState } from "@/lib/forms";
import { bookAppointmentAction } from "@/app/schedule/actions/book-appointment";
import { updateNotificationPreferencesAction } from "@/app/settings/actions/update-notification-preferences";
import { db } from "@/db/client";
import {
  appointments,
  notificationDeliveries,
  patientClinicians,
  patientProfiles,
  rosterAudit,
  sessions,
  users,
} from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { listPatientsOfClinician } from "@/lib/appointments/queries";
import { isRegisteredEmail } from "@/lib/auth/sign-in-request";
import { deliver } from "@/lib/notifications/gate";
import { outcomeLabel } from "@/lib/notifications/labels";
import { deactivateUser } from "@/lib/roster/status";
import { weekdayAhead } from "@/testing/dates";
import { createAppointment, createClinician, createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { assignClinicianAction, unassignClinicianAction } from "./assignments";
import { deactivateUserAction, reactivateUserAction } from "./change-status";
import { importPatientsAction } from "./import-patients";
import { inviteUserAction } from "./invite-user";
import { sendSignInLinkAction } from "./send-sign-in-link";

const fakes = setUpFakes();
const ids = { admin: "", grey: "", ada: "" };
const idOf = async (email: string) =>
  (await db().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

beforeAll(async () => {
  await seed(db());
  for (const who of ["admin", "grey", "ada"] as const) ids[who] = await idOf(seedEmails[who]);
});
beforeEach(() => resetFakes(fakes));

/** Everything a roster action writes, counted: unchanged after a refusal. */
async function rosterCounts() {
  const tables = [users, patientProfiles, patientClinicians, rosterAudit, sessions];
  return Promise.all(tables.map(async (t) => (await db().select({ n: count() }).from(t))[0]!.n));
}
const auditOf = (subjectId: string) => db().select().from(rosterAudit).where(eq(rosterAudit.subjectId, subjectId));
const invite = (fields: Record<string, string | string[]> = {}) =>
  inviteUserAction(
    {},
    form({
      role: "patient",
      firstName: "Nora",
      lastName: "New",
      email: "nora@patients.example",
      timeZone: "Europe/London",
      ...fields,
    }),
  );
const emailsTo = (address: string) =>
  fakes.resend.requests.filter((r) => (r.parsed as { to?: unknown } | undefined)?.to === address);

describe("roster actions refuse everyone but admins", () => {
  const csv = new File(["name,email,time_zone,phone\nZed Zero,zed@patients.example,Europe/London,\n"], "p.csv");
  for (const role of ["patient", "clinician", "nobody"] as const) {
    it(`a ${role} is refused every roster action and nothing is written`, async () => {
      const patient = await createPatient(db());
      await actAs(db(), role === "patient" ? seedEmails.ada : role === "clinician" ? seedEmails.grey : null);
      const before = await rosterCounts();
      // Each refusal answers with what was posted, as every refused form does (the CSV file is not text, so not echoed).
      const answers: [FormState, Record<string, string>][] = [
        [
          await invite({ email: `x-${role}@patients.example` }),
          {
            role: "patient",
            firstName: "Nora",
            lastName: "New",
            email: `x-${role}@patients.example`,
            timeZone: "Europe/London",
          },
        ],
        [await deactivateUserAction({}, form({ userId: patient.id })), { userId: patient.id }],
        [await reactivateUserAction({}, form({ userId: patient.id })), { userId: patient.id }],
        [
          await assignClinicianAction({}, form({ patientId: patient.id, clinicianId: ids.grey })),
          { patientId: patient.id, clinicianId: ids.grey },
        ],
        [
          await unassignClinicianAction({}, form({ patientId: ids.ada, clinicianId: ids.grey })),
          { patientId: ids.ada, clinicianId: ids.grey },
        ],
        [await sendSignInLinkAction({}, form({ userId: patient.id })), { userId: patient.id }],
        [
          await importPatientsAction(
            {},
            (() => {
              const d = form({ intent: "check" });
              d.append("file", csv);
              return d;
            })(),
          ),
          { intent: "check" },
        ],
      ];
      await runAfterResponse();
      const expected = role === "nobody" ? "Please sign in again." : "You do not have access to this.";
      for (const [answer, posted] of answers) expect(answer).toEqual({ ok: false, message: expected, values: posted });
      expect(await rosterCounts()).toEqual(before);
      expect(fakes.resend.requests).toHaveLength(0);
    });
  }
});

describe("inviting", () => {
  it("registers a patient with their clinician, audits it with the request hash, and emails the ordinary sign-in link", async () => {
    await actAs(db(), seedEmails.admin);
    const result = await invite({ email: "Nora@Patients.example", phone: "07911 123456", clinicianIds: ids.grey });
    expect(result).toEqual({ ok: true, message: "Patient invited: a sign-in link is on its way to them." });
    await runAfterResponse();
    const nora = await idOf("nora@patients.example");
    const [profile] = await db().select().from(patientProfiles).where(eq(patientProfiles.userId, nora));
    expect(profile).toMatchObject({
      firstName: "Nora",
      lastName: "New",
      timeZone: "Europe/London",
      phoneE164: "+447911123456",
    });
    expect(await listPatientsOfClinician(db(), ids.grey)).toContainEqual({
      id: nora,
      firstName: "Nora",
      lastName: "New",
      timeZone: "Europe/London",
    });
    const audit = await auditOf(nora);
    expect(audit.map((row) => row.action)).toEqual(["user_invited", "clinician_assigned"]);
    expect(audit[0]).toMatchObject({ actorId: ids.admin, requestHash: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const [email] = emailsTo("nora@patients.example");
    expect((email?.parsed as { subject: string }).subject).toBe("Your sign-in link for the patient portal");
    expect((email?.parsed as { text: string }).text).toMatch(/\/api\/auth\/callback\/resend\?callbackUrl=.*&token=/);
  });

  it("answers a taken email (any case) with a field error and writes and sends nothing", async () => {
    await actAs(db(), seedEmails.admin);
    const before = await rosterCounts();
    const result = await invite({ email: " ADA@patients.example ", role: "clinician" });
    await runAfterResponse();
    expect(result.fieldErrors).toEqual({ email: ["Someone with this email address is already registered."] });
    expect(await rosterCounts()).toEqual(before);
    expect(fakes.resend.requests).toHaveLength(0);
  });

  it.each([
    [{ email: "not-an-email" }, "email", "Enter a valid email address, like name@example.com."],
    [{ timeZone: "Mars/Olympus" }, "timeZone", "Unknown time zone: choose one from the list."],
    [{ phone: "12" }, "phone", expect.stringMatching(/^Enter a valid mobile number/)],
    [{ country: "XX" }, "country", "Unknown country: use a two-letter code, like GB or US."],
    [{ role: "admin" }, "role", "Choose patient or clinician."],
    [{ firstName: "" }, "firstName", "Enter a first name."],
    [
      { clinicianIds: "00000000-0000-4000-8000-000000000000" },
      "clinicianIds",
      "Choose active clinicians from the list.",
    ],
  ])("refuses %o with a field error on %s and writes nothing", async (fields, field, message) => {
    await actAs(db(), seedEmails.admin);
    const before = await rosterCounts();
    const result = await invite({ email: "bad@patients.example", ...fields });
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.[field]).toEqual([message]);
    expect(await rosterCounts()).toEqual(before);
  });
});

describe("deactivating", () => {
  it("ends the person's sessions at once, refuses their sign-in, skips their reminder as deactivated, and is undone by reactivating", async () => {
    const patient = await createPatient(db());
    const clinician = await createClinician(db());
    const visit = await createAppointment(db(), {
      patientId: patient.id,
      clinicianId: clinician.id,
      startsAt: new Date(Date.now() + 20 * 3600_000),
    });
    await actAs(db(), patient.email); // their open session
    expect(await db().select().from(sessions).where(eq(sessions.userId, patient.id))).toHaveLength(1);
    await actAs(db(), seedEmails.admin);
    expect(await deactivateUserAction({}, form({ userId: patient.id }))).toMatchObject({ ok: true });
    expect(await db().select().from(sessions).where(eq(sessions.userId, patient.id))).toEqual([]);
    expect(await isRegisteredEmail(db(), patient.email)).toBe(false);
    // A session that raced the deletion (actAs writes one) is refused as well: every page and action reads the flag.
    await actAs(db(), patient.email);
    expect(await updateNotificationPreferencesAction({}, form({ emailNotifications: "on" }))).toEqual({
      ok: false,
      message: "Please sign in again.",
      values: { emailNotifications: "on" },
    });

    const outcome = await deliver(db(), { appointmentId: visit, kind: "reminder_24h", channel: "email" });
    expect(outcome).toMatchObject({ outcome: "skipped", reason: "deactivated" });
    const [row] = await db()
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.appointmentId, visit));
    expect(outcomeLabel(row!.status, row!.reason)).toBe("Not sent: the patient's account is deactivated");
    expect(fakes.resend.requests).toHaveLength(0);

    await actAs(db(), seedEmails.admin);
    expect(await reactivateUserAction({}, form({ userId: patient.id }))).toMatchObject({ ok: true });
    expect(await isRegisteredEmail(db(), patient.email)).toBe(true);
    expect((await auditOf(patient.id)).map((r) => [r.action, r.actorId])).toEqual([
      ["user_deactivated", ids.admin],
      ["user_reactivated", ids.admin],
    ]);
  });

  it("refuses an admin deactivating themselves or the last active admin, writing nothing", async () => {
    await actAs(db(), seedEmails.admin);
    const before = await rosterCounts();
    expect(await deactivateUserAction({}, form({ userId: ids.admin }))).toEqual({
      ok: false,
      message: "You cannot deactivate yourself; ask another admin.",
      values: { userId: ids.admin },
    });
    expect(await rosterCounts()).toEqual(before);
    // Two admins deactivating each other at once: the one whose request comes second finds itself the last one.
    const [other] = await db()
      .insert(users)
      .values({ email: "second-admin@clinic.example", role: "admin" })
      .returning();
    expect(await deactivateUser(db(), { userId: ids.admin, requestHash: null }, other!.id)).toMatchObject({ ok: true });
    expect(await deactivateUser(db(), { userId: other!.id, requestHash: null }, ids.admin)).toEqual({
      ok: false,
      message: "The last active admin cannot be deactivated.",
    });
    const [admin] = await db().select().from(users).where(eq(users.id, ids.admin));
    expect(admin?.deactivatedAt).toBeNull();
  });
});

describe("assignments", () => {
  // A weekday inside the test clinician's working hours; each booking its own hour, so none overlaps another.
  const nextWeek = weekdayAhead(7);
  const book = (patientId: string, clinicianId?: string, time = "10:00") =>
    bookAppointmentAction(
      {},
      form({
        patientId,
        ...(clinicianId ? { clinicianId } : {}),
        startsAt: `${nextWeek}T${time}`,
        durationMinutes: "30",
        modality: "telehealth",
      }),
    );

  it("a clinician books and picks only assigned patients; an admin books anyone, which assigns them", async () => {
    const patient = await createPatient(db());
    const clinician = await createClinician(db());
    await actAs(db(), clinician.email);
    expect((await book(patient.id)).fieldErrors).toEqual({ patientId: ["Choose one of your patients."] });
    expect(await listPatientsOfClinician(db(), clinician.id)).toEqual([]);

    await actAs(db(), seedEmails.admin);
    expect(await book(patient.id, clinician.id)).toMatchObject({ ok: true });
    expect((await auditOf(patient.id)).map((r) => r.details)).toEqual([{ clinicianId: clinician.id, via: "booking" }]);
    await actAs(db(), clinician.email);
    expect(await book(patient.id, undefined, "11:00")).toMatchObject({ ok: true });
    expect((await listPatientsOfClinician(db(), clinician.id)).map((p) => p.id)).toEqual([patient.id]);

    // Not while visits lie ahead; once they are cancelled, the patient leaves the clinician's picker and bookings.
    await actAs(db(), seedEmails.admin);
    const fields = { patientId: patient.id, clinicianId: clinician.id };
    expect((await unassignClinicianAction({}, form(fields))).message).toMatch(/appointments ahead/);
    await db().update(appointments).set({ status: "cancelled" }).where(eq(appointments.patientId, patient.id));
    expect(await unassignClinicianAction({}, form(fields))).toMatchObject({ ok: true });
    await actAs(db(), clinician.email);
    expect((await book(patient.id)).fieldErrors).toEqual({ patientId: ["Choose one of your patients."] });
  });

  it("refuses assigning a patient to a non-clinician with a field error, writing nothing", async () => {
    const patient = await createPatient(db());
    await actAs(db(), seedEmails.admin);
    const before = await rosterCounts();
    const result = await assignClinicianAction({}, form({ patientId: patient.id, clinicianId: ids.ada }));
    expect(result.fieldErrors).toEqual({ clinicianId: ["Choose an active clinician."] });
    expect(await rosterCounts()).toEqual(before);
  });
});
