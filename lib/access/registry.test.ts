import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isStaffRead } from "./record";

// A staff query that is not wrapped by staffRead would read a patient's information unlogged: this finds any.
const root = path.resolve(import.meta.dirname, "../..");
const queryFiles = readdirSync(path.join(root, "lib"), { recursive: true, encoding: "utf8" })
  .filter((file) => /(^|\/)([\w-]*queries)\.ts$/.test(file))
  .sort();

/** Exports that are not staff reads of patient information, each with the reason. */
const notStaffReads: Record<string, string> = {
  "appointments/queries.ts#listUpcomingAppointmentsForPatient": "the patient's own appointments",
  "appointments/queries.ts#listPastAppointmentsForPatient": "the patient's own appointments",
  "appointments/queries.ts#getAppointmentForCalendar": "the patient's own calendar file",
  "appointments/queries.ts#timeZoneOfPatient": "the patient's own pages",
  "appointments/queries.ts#timeZoneOfClinician": "the clinician's own zone",
  "notifications/queries.ts#listRecentMessagesForPatient": "the patient's own messages",
  "patients/queries.ts#getPatientSettings": "the patient's own settings",
  "patients/queries.ts#listLedgerForPatient": "the patient's own history",
  "patients/ledger-queries.ts#ledgerCsv": "formats rows already read (and logged)",
  "progress/queries.ts#findNotesPendingSharing": "the sharing job: note ids only, no person reads them",
  "progress/queries.ts#listProgressForPatient": "the patient's own progress page",
  "access/queries.ts#accessLogForPatient": "the log itself (not logged recursively)",
  "access/queries.ts#listAccessLog": "the log itself (not logged recursively)",
  "access/queries.ts#patientTimeline": "the patient's own timeline",
  "roster/queries.ts#listActiveClinicians": "clinicians' names only, no patient",
  "roster/queries.ts#clinicianNames": "clinicians' names only, no patient",
  "appointments/queries.ts#listClinicians": "clinicians' names and zones only, no patient",
};

describe("every staff query is logged", () => {
  it("finds the query modules", () => {
    expect(queryFiles).toEqual(
      expect.arrayContaining([
        "appointments/admin-queries.ts",
        "appointments/queries.ts",
        "notifications/queries.ts",
        "patients/ledger-queries.ts",
        "progress/queries.ts",
        "video/admin-queries.ts",
      ]),
    );
  });

  it.each(queryFiles)("lib/%s: each exported function is a staffRead or named here with why not", async (file) => {
    const exported = (await import(/* @vite-ignore */ path.join(root, "lib", file))) as Record<string, unknown>;
    const unlogged = Object.entries(exported)
      .filter(([, value]) => typeof value === "function" && !isStaffRead(value))
      .map(([name]) => `${file}#${name}`)
      .filter((key) => !(key in notStaffReads));
    expect(unlogged).toEqual([]);
  });

  it("names no export that has since gone or become a staffRead", async () => {
    for (const key of Object.keys(notStaffReads)) {
      const [file, name] = key.split("#") as [string, string];
      const exported = (await import(/* @vite-ignore */ path.join(root, "lib", file))) as Record<string, unknown>;
      expect(typeof exported[name], key).toBe("function");
      expect(isStaffRead(exported[name]), key).toBe(false);
    }
  });
});
