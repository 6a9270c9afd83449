// First: it stands in for Next's request scope (next/headers, after()) for everything imported below.
import { actAs, form } from "@/db/testing/request";
import { count, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { patientProfiles, rosterAudit, users } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { importPatientsAction, type ImportState } from "./import-patients";

beforeAll(async () => {
  await seed(db());
});

const upload = (text: string, intent: "check" | "import", checked?: string): Promise<ImportState> => {
  const data = form({ intent, ...(checked ? { checked } : {}) });
  data.append("file", new File([text], "patients.csv", { type: "text/csv" }));
  return importPatientsAction({}, data);
};
const counts = async () =>
  Promise.all(
    [users, patientProfiles, rosterAudit].map(async (t) => (await db().select({ n: count() }).from(t))[0]!.n),
  );

const BAD_FILE = [
  "name,email,time_zone,phone,country",
  "Iris Import,iris@import.example,Europe/London,07911 123457,",
  "Bad Email,not-an-email,Europe/London,,",
  "Zone Less,zone@import.example,Mars/Olympus,,",
  "Phone Wrong,phone@import.example,America/New_York,12345,US",
  "Iris Again,IRIS@import.example,Europe/London,,",
  "Ada Again,ada@patients.example,Europe/London,,",
  "Short Row,short@import.example",
  "Land Line,land@import.example,Europe/London,020 7946 0018,GB",
].join("\n");

describe("the CSV import", () => {
  it("dry run: lists every invalid row with its exact line number and reason, and writes nothing", async () => {
    await actAs(db(), seedEmails.admin);
    const before = await counts();
    const result = await upload(BAD_FILE, "check");
    expect(result.ok).toBe(false);
    expect(result.message).toBe("Nothing was imported: 7 rows are invalid. Correct the file and check it again.");
    expect(result.problems).toEqual([
      { line: 3, reason: "bad email: Enter a valid email address, like name@example.com." },
      { line: 4, reason: 'unknown time zone "Mars/Olympus"' },
      {
        line: 5,
        reason: expect.stringMatching(
          /^bad phone for the country: Enter a valid mobile number, like \(\d{3}\) \d{3}-\d{4}/,
        ),
      },
      { line: 6, reason: "duplicate email: the same as line 2" },
      { line: 7, reason: "duplicate email: already registered" },
      { line: 8, reason: "expected 5 fields, found 2" },
      {
        line: 9,
        reason: "bad phone for the country: This looks like a landline. Enter a mobile number that can receive texts.",
      },
    ]);
    expect(result.preview).toBeUndefined();
    // Importing the same file is refused as well: nothing is written unless every row is valid.
    expect((await upload(BAD_FILE, "import", "0".repeat(64))).problems).toHaveLength(7);
    expect(await counts()).toEqual(before);
  });

  it("refuses a file that is not CSV, lacks a column, or is too large, with a field error", async () => {
    await actAs(db(), seedEmails.admin);
    expect((await upload('name,email\n"unclosed', "check")).fieldErrors?.file).toEqual([
      "The file cannot be read as CSV (line 2).",
    ]);
    expect((await upload("name,email,phone\nA,a@x.example,\n", "check")).fieldErrors?.file).toEqual([
      "Line 1 lacks the column time_zone.",
    ]);
    const rows = Array.from({ length: 5001 }, (_, i) => `P ${i},p${i}@bulk.example,UTC,`);
    expect((await upload(["name,email,time_zone,phone", ...rows].join("\n"), "check")).fieldErrors?.file).toEqual([
      "The file has more than 5000 rows.",
    ]);
    expect((await upload(`name,email,time_zone,phone\n${"x".repeat(1024 * 1024)}`, "check")).fieldErrors?.file).toEqual(
      ["The file is larger than 1 MB."],
    );
  });

  it("imports exactly the file that was checked, all in one transaction, each patient audited", async () => {
    await actAs(db(), seedEmails.admin);
    const file = [
      "Name,Email,Time zone,Phone,Country",
      "Olga Onboard,olga@import.example,Europe/Paris,06 12 34 56 78,",
      "Pat Plain,pat@import.example,America/Chicago,,",
      "Mary Ann Smith,mary@import.example,Asia/Kolkata,+44 7911 123458,IN",
    ].join("\r\n");
    const checked = await upload(file, "check");
    expect(checked.message).toBe("All 3 rows are valid. Nothing has been written yet.");
    expect(checked.preview?.rows.map((r) => [r.line, r.name, r.phone])).toEqual([
      [2, "Olga Onboard", "+33612345678"],
      [3, "Pat Plain", ""],
      [4, "Mary Ann Smith", "+447911123458"],
    ]);
    // A different file than the one checked is not imported.
    expect((await upload(`${file}\r\n`, "import", checked.preview!.fingerprint)).message).toMatch(/changed since/);
    expect(await db().select().from(users).where(like(users.email, "%@import.example"))).toEqual([]);

    expect(await upload(file, "import", checked.preview!.fingerprint)).toEqual({
      ok: true,
      message: "Imported 3 patients.",
    });
    const [mary] = await db()
      .select({
        first: patientProfiles.firstName,
        last: patientProfiles.lastName,
        country: patientProfiles.country,
        id: users.id,
      })
      .from(users)
      .innerJoin(patientProfiles, eq(patientProfiles.userId, users.id))
      .where(eq(users.email, "mary@import.example"));
    expect(mary).toMatchObject({ first: "Mary Ann", last: "Smith", country: "IN" });
    const [audit] = await db().select().from(rosterAudit).where(eq(rosterAudit.subjectId, mary!.id));
    expect(audit).toMatchObject({ action: "patient_imported", details: { email: "mary@import.example", line: 4 } });
    // A second import of the same file finds every address taken.
    expect((await upload(file, "check")).problems).toHaveLength(3);
  });
});
