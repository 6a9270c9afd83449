import { describe, expect, it } from "vitest";
import { ledgerCsv } from "./ledger-queries";

describe("ledger CSV", () => {
  it("quotes every cell and defuses spreadsheet formulas", () => {
    const csv = ledgerCsv([
      {
        id: 1,
        patientId: "p1",
        total: 1,
        createdAt: new Date("2026-02-01T10:00:00Z"),
        patientEmail: "ada@patients.example",
        patientName: "Ada Lovelace",
        field: "careContactName",
        oldValue: null,
        newValue: '=HYPERLINK("x") "quoted"',
        actorKind: "patient",
        actorEmail: "ada@patients.example",
        consentVersion: null,
        requestMeans: null,
      },
    ]);
    expect(csv.split("\r\n")[1]).toBe(
      '"2026-02-01T10:00:00.000Z","ada@patients.example","careContactName","","\'=HYPERLINK(""x"") ""quoted""","patient","ada@patients.example","",""',
    );
  });
});
