import "@/db/testing/request";
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as healthGet } from "@/app/api/health/route";
import { POST as unsubscribePost } from "@/app/api/unsubscribe/route";
import { bookAppointmentAction } from "@/app/schedule/actions/book-appointment";
import { saveProgressNoteAction } from "@/app/schedule/actions/save-progress-note";
import { updateCareContactAction } from "@/app/settings/actions/update-care-contact";
import { updateContactAction } from "@/app/settings/actions/update-contact";
import { connectPostgres, db, dbHandle, setProcessDb, type DbHandle } from "@/db/client";
import { actAs, form } from "@/db/testing/request";
import { createUnsubscribeToken } from "@/lib/notifications/unsubscribe";
import { captureOutput } from "@/testing/capture-output";
import { createAppointment, createClinician, createPatient } from "@/testing/fixtures";
import { weekdayAhead } from "@/testing/dates";

// Invariant 9: whatever fails, the server's own output never carries what a patient or clinician wrote.
const MARKER = "PHIMARKER";
let patient: { id: string; email: string };
let clinician: { id: string; email: string };
let visitId = "";
// Sessions are made on the real database even while the process's database is unreachable.
let sessions: ReturnType<typeof db>;

beforeAll(async () => {
  sessions = db();
  patient = await createPatient(db());
  clinician = await createClinician(db());
  visitId = await createAppointment(db(), {
    patientId: patient.id,
    clinicianId: clinician.id,
    startsAt: new Date(Date.now() - 3600_000),
    status: "completed",
  });
});

/** Each action with the marker in what it writes, signed in as the person allowed to call it. */
const calls = {
  careContact: async (extra = "") => {
    await actAs(sessions, patient.email);
    const values = {
      careContactName: `${MARKER} Mary${extra}`,
      careContactRelationship: MARKER,
      careContactEmail: "mary@family.example",
    };
    return updateCareContactAction({}, form(values));
  },
  contact: async (extra = "") => {
    await actAs(sessions, patient.email);
    return updateContactAction({}, form({ phone: `+44 7911 123456${extra}`, timeZone: "Europe/London" }));
  },
  progressNote: async (extra = "") => {
    await actAs(sessions, clinician.email);
    const note = {
      appointmentId: visitId,
      privateNote: `${MARKER} private${extra}`,
      patientSummary: `${MARKER} summary`,
    };
    return saveProgressNoteAction({}, form(note));
  },
  booking: async (extra = "") => {
    await actAs(sessions, clinician.email);
    const day = weekdayAhead(7);
    return bookAppointmentAction(
      {},
      form({ patientId: patient.id, startsAt: `${day}T10:00${extra}`, durationMinutes: "30", modality: "in_person" }),
    );
  },
};

const tables = ["patient_profiles", "progress_notes", "appointments", "preference_ledger"];
/** A refusal by the database whose message and detail quote the row, as a real constraint error's detail does. */
async function failWritesQuotingTheRow() {
  await db().execute(
    sql.raw(`create or replace function fault_quote_row() returns trigger language plpgsql as $$
      begin raise exception using errcode = '23514', message = 'row refused: ' || row_to_json(NEW)::text, detail = row_to_json(NEW)::text; end $$`),
  );
  for (const table of tables) {
    await db().execute(
      sql.raw(
        `create trigger fault_quote_row before insert or update on ${table} for each row execute function fault_quote_row()`,
      ),
    );
  }
}
async function healWrites() {
  for (const table of tables) await db().execute(sql.raw(`drop trigger if exists fault_quote_row on ${table}`));
}

describe("no PHI in the server's output when things fail", () => {
  afterEach(healWrites);

  it("text with a NUL byte or other control characters is a field error, before any query", async () => {
    for (const [name, call] of Object.entries(calls)) {
      if (name === "booking") continue;
      const { result, output } = await captureOutput(() => call("\u0000"));
      expect(result.ok, name).toBe(false);
      expect(Object.keys(result.fieldErrors ?? {}), name).not.toHaveLength(0);
      expect(output, name).not.toContain(MARKER);
    }
  });

  it("a constraint error quoting the row: a reference for the person, codes only in the log", async () => {
    await failWritesQuotingTheRow();
    for (const [name, call] of Object.entries(calls)) {
      const { result, output } = await captureOutput(() => call());
      expect(result, name).toMatchObject({ ok: false, message: expect.stringMatching(/reference [0-9a-f]{8}/) });
      const reference = /reference ([0-9a-f]{8})/.exec(result.message!)![1]!;
      expect(output, name).toContain(reference);
      expect(output, name).toContain("23514");
      expect(output, name).not.toContain(MARKER);
      expect(output, name).not.toContain("mary@family.example");
    }
  });

  it("the database unreachable: nothing is saved, routes answer with a reference, and no PHI is logged", async () => {
    const reachable: DbHandle = dbHandle();
    // A port nothing listens on: every query fails to connect.
    const unreachable = connectPostgres("postgres://postgres@127.0.0.1:9/portal", { max: 1 });
    setProcessDb(unreachable);
    try {
      for (const [name, call] of Object.entries(calls)) {
        const { result, output } = await captureOutput(() => call());
        // Auth.js cannot read the session either, so the caller is told to sign in; nothing is saved or logged.
        expect(result.ok, name).toBe(false);
        expect(output, name).not.toContain(MARKER);
      }
      const token = createUnsubscribeToken(patient.id);
      for (const [name, request] of [
        [
          "unsubscribe",
          () => unsubscribePost(new Request(`http://localhost/api/unsubscribe?token=${token}`, { method: "POST" })),
        ],
        ["health", () => healthGet()],
      ] as const) {
        const { result, output } = await captureOutput(request);
        expect(result.status, name).toBe(500);
        expect(await result.json(), name).toEqual({
          error: expect.stringMatching(/^Something went wrong on our side \(reference [0-9a-f]{8}\)\.$/),
        });
        expect(output, name).not.toContain(patient.id);
      }
    } finally {
      setProcessDb(reachable);
      await unreachable.close();
    }
  });
});
