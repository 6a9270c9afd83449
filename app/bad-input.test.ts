import "@/db/testing/request";
import { count, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as ledgerExport } from "@/app/admin/consent-ledger/export/route";
import { POST as startRoom } from "@/app/api/sessions/[appointmentId]/room/route";
import { GET as sessionState } from "@/app/api/sessions/[appointmentId]/state/route";
import { POST as unsubscribe } from "@/app/api/unsubscribe/route";
import { POST as visitToken } from "@/app/api/visits/[appointmentId]/token/route";
import { assignClinicianAction } from "@/app/admin/people/actions/assignments";
import { deactivateUserAction } from "@/app/admin/people/actions/change-status";
import { inviteUserAction } from "@/app/admin/people/actions/invite-user";
import { bookAppointmentAction } from "@/app/schedule/actions/book-appointment";
import { cancelAppointmentAction } from "@/app/schedule/actions/cancel-appointment";
import { rescheduleAppointmentAction } from "@/app/schedule/actions/reschedule-appointment";
import { saveProgressNoteAction } from "@/app/schedule/actions/save-progress-note";
import { updateCareContactAction } from "@/app/settings/actions/update-care-contact";
import { updateConsentAction } from "@/app/settings/actions/update-consent";
import { updateContactAction } from "@/app/settings/actions/update-contact";
import { updateNotificationPreferencesAction } from "@/app/settings/actions/update-notification-preferences";
import { db } from "@/db/client";
import {
  appointments,
  eventOutbox,
  patientClinicians,
  patientProfiles,
  preferenceLedger,
  progressNotes,
  rosterAudit,
  users,
} from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { actAs, form } from "@/db/testing/request";
import type { FormState } from "@/lib/forms";
import { createAppointment, createClinician, createPatient } from "@/testing/fixtures";

// Invariant 8: every boundary answers bad input with a clear refusal (a field error, or a 4xx with a message), never a
// crash, and writes nothing. The table this test prints is the closing note's record of what each boundary was fed.
const MEGABYTE = "x".repeat(1024 * 1024);
const corpus: Record<string, string | string[]> = {
  "wrong type (two values)": ["a", "b"],
  "1 MB": MEGABYTE,
  "NUL byte": "abc\u0000def",
  "control character": "abc\u0007def",
  "bidi override": "abc\u202Edef",
  SQL: "'; drop table users; --",
  HTML: '<img src=x onerror="alert(1)">',
  "RTL and emoji": "مريم 🙂",
  "36 dashes": "-".repeat(36),
};
const free = new Set(["SQL", "HTML", "RTL and emoji", "36 dashes"]); // fine as free text, wrong as an id or a choice

let patient: { id: string; email: string };
let clinician: { id: string; email: string };
let visit = "";
const table: string[] = [];

beforeAll(async () => {
  await seed(db());
  patient = await createPatient(db(), { phoneE164: "+447911123456" });
  clinician = await createClinician(db());
  await createAppointment(db(), {
    patientId: patient.id,
    clinicianId: clinician.id,
    startsAt: new Date(Date.now() - 86_400_000),
    status: "completed",
  });
  visit = await createAppointment(db(), {
    patientId: patient.id,
    clinicianId: clinician.id,
    startsAt: new Date(Date.now() + 7 * 86_400_000),
  });
});
afterAll(() => console.log(`BAD-INPUT-TABLE\n${table.join("\n")}`));

/** Everything an action could write, summed: unchanged after a refusal. */
async function fingerprint() {
  const counts = await Promise.all(
    [appointments, eventOutbox, preferenceLedger, progressNotes, users, patientClinicians, rosterAudit].map(
      async (t) => (await db().select({ n: count() }).from(t))[0]!.n,
    ),
  );
  const [profiles] = await db()
    .select({ changed: max(patientProfiles.updatedAt) })
    .from(patientProfiles);
  return JSON.stringify([counts, profiles?.changed]);
}

type Action = (state: FormState, data: FormData) => Promise<FormState>;
const actions: {
  name: string;
  as: () => string;
  action: Action;
  valid: () => Record<string, string>;
  fields: string[];
  text?: string[];
}[] = [
  {
    name: "updateNotificationPreferencesAction",
    as: () => patient.email,
    action: updateNotificationPreferencesAction,
    valid: () => ({ textChannel: "sms" }),
    fields: ["textChannel", "emailNotifications"],
  },
  {
    name: "updateContactAction",
    as: () => patient.email,
    action: updateContactAction,
    valid: () => ({ phone: "+447911123456", timeZone: "Europe/London" }),
    fields: ["timeZone", "phone"],
  },
  {
    name: "updateCareContactAction",
    as: () => patient.email,
    action: updateCareContactAction,
    valid: () => ({
      careContactName: "Mary",
      careContactRelationship: "Friend",
      careContactEmail: "mary@family.example",
    }),
    fields: ["careContactName", "careContactEmail"],
    text: ["careContactName"],
  },
  {
    name: "updateConsentAction",
    as: () => patient.email,
    action: updateConsentAction,
    valid: () => ({ consent: "recordingConsent", decision: "withdraw", version: "v" }),
    fields: ["consent", "version"],
    text: ["version"],
  },
  {
    name: "saveProgressNoteAction",
    as: () => clinician.email,
    action: saveProgressNoteAction,
    valid: () => ({ appointmentId: visit, privateNote: "ok", patientSummary: "ok" }),
    fields: ["appointmentId", "privateNote"],
    text: ["privateNote"],
  },
  {
    name: "bookAppointmentAction",
    as: () => clinician.email,
    action: bookAppointmentAction,
    valid: () => ({
      patientId: patient.id,
      startsAt: "2030-01-10T10:00",
      durationMinutes: "30",
      modality: "in_person",
    }),
    fields: ["patientId", "startsAt"],
  },
  {
    name: "rescheduleAppointmentAction",
    as: () => clinician.email,
    action: rescheduleAppointmentAction,
    valid: () => ({ appointmentId: visit, startsAt: "2030-01-11T10:00" }),
    fields: ["appointmentId", "startsAt"],
  },
  {
    name: "cancelAppointmentAction",
    as: () => clinician.email,
    action: cancelAppointmentAction,
    valid: () => ({ appointmentId: visit }),
    fields: ["appointmentId", "reason"],
    text: ["reason"],
  },
  {
    name: "inviteUserAction",
    as: () => seedEmails.admin,
    action: inviteUserAction,
    valid: () => ({ role: "patient", firstName: "Ivy", email: "ivy@patients.example", timeZone: "Europe/London" }),
    fields: ["email", "timeZone", "firstName", "phone"],
    text: ["firstName"],
  },
  {
    name: "deactivateUserAction",
    as: () => seedEmails.admin,
    action: deactivateUserAction,
    valid: () => ({ userId: patient.id }),
    fields: ["userId"],
  },
  {
    name: "assignClinicianAction",
    as: () => seedEmails.admin,
    action: assignClinicianAction,
    valid: () => ({ patientId: patient.id, clinicianId: clinician.id }),
    fields: ["patientId", "clinicianId"],
  },
];

describe("bad input at every action", () => {
  for (const { name, as, action, valid, fields, text = [] } of actions) {
    it(`${name}: refuses each bad value with a field error and writes nothing`, async () => {
      await actAs(db(), as());
      const answered: string[] = [];
      const cases: [string, Record<string, string | string[]>][] = [
        ["missing required field", Object.fromEntries(Object.entries(valid()).filter(([key]) => key !== fields[0]))],
        ["extra field", { ...valid(), role: "admin" }],
      ];
      for (const field of fields)
        for (const [kind, value] of Object.entries(corpus))
          cases.push([`${field}: ${kind}`, { ...valid(), [field]: value }]);
      for (const [label, values] of cases) {
        const field = label.split(":")[0]!;
        const acceptable = text.includes(field) && free.has(label.split(": ")[1] ?? "");
        if (acceptable || (label === "missing required field" && name === "updateNotificationPreferencesAction"))
          continue;
        const before = await fingerprint();
        const result = await action({}, form(values));
        expect(result.ok, `${name} ${label}`).toBe(false);
        expect(result.message, `${name} ${label}`).toMatch(/^Nothing was (saved|booked|changed)|not found|Choose/);
        expect(await fingerprint(), `${name} ${label}`).toBe(before);
        answered.push(label);
      }
      table.push(
        `| ${name} | ${answered.length} refused: ${[...new Set(answered.map((l) => l.split(": ").at(-1)))].join(", ")} | field error, nothing written |`,
      );
    });
  }
});

describe("bad input at the route handlers", () => {
  const ids = [
    "-".repeat(36),
    "1 or 1=1",
    "abc\u0000",
    "7be68f0f-f5bd-412f-840f-dc7697ec391a\u0000",
    MEGABYTE.slice(0, 5000),
  ];
  const routes = [
    {
      name: "POST /api/sessions/[id]/room",
      as: () => clinician.email,
      call: (id: string) =>
        startRoom(new Request("http://localhost/x", { method: "POST" }), {
          params: Promise.resolve({ appointmentId: id }),
        }),
    },
    {
      name: "GET /api/sessions/[id]/state",
      as: () => clinician.email,
      call: (id: string) =>
        sessionState(new Request("http://localhost/x"), { params: Promise.resolve({ appointmentId: id }) }),
    },
    {
      name: "POST /api/visits/[id]/token",
      as: () => patient.email,
      call: (id: string) =>
        visitToken(new Request("http://localhost/x", { method: "POST" }), {
          params: Promise.resolve({ appointmentId: id }),
        }),
    },
  ];
  for (const route of routes) {
    it(`${route.name}: a malformed id is a 404 with a message`, async () => {
      await actAs(db(), route.as());
      for (const id of ids) {
        const response = await route.call(id);
        expect(response.status, JSON.stringify(id.slice(0, 50))).toBe(404);
        expect(await response.json()).toEqual({ error: "Not found." });
      }
      table.push(`| ${route.name} | ${ids.length} malformed ids (36 dashes, SQL, NUL, 5 kB) | 404 "Not found." |`);
    });
  }

  it("POST /api/unsubscribe: empty, NUL, 1 MB and forged tokens are a 403 with a message", async () => {
    for (const token of ["", "abc\u0000", MEGABYTE, "eyJ.forged", `${Buffer.from("x.1").toString("base64url")}.sig`]) {
      const response = await unsubscribe(
        new Request(`http://localhost/api/unsubscribe?token=${encodeURIComponent(token)}`, { method: "POST" }),
      );
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "This unsubscribe link is not valid or has expired." });
    }
    table.push(
      `| POST /api/unsubscribe | empty, NUL, 1 MB, forged, unknown subject, dated ahead | 403 with a message |`,
    );
  });

  it("GET /admin/consent-ledger/export: NUL, control characters and 1 MB filters are dropped, never a 500", async () => {
    await actAs(db(), seedEmails.admin);
    for (const value of ["abc\u0000", "a\u0007b", MEGABYTE.slice(0, 300_000), "'; drop table users; --"]) {
      const response = await ledgerExport(
        new Request(
          `http://localhost/admin/consent-ledger/export?patient=${encodeURIComponent(value)}&field=${encodeURIComponent(value)}`,
        ),
      );
      expect(response.status).toBe(200);
    }
    table.push(
      `| GET /admin/consent-ledger/export | NUL, control character, 300 kB, SQL filters | 200, filter dropped |`,
    );
  });
});
