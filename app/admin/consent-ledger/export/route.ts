import { ledgerCsv, listLedger } from "@/lib/patients/ledger-queries";
import { csvExport } from "../../export";
import { ledgerFields } from "../../list-fields";

// CSV of the filtered ledger, for admins only.
export const GET = csvExport("consent-ledger.csv", ledgerFields, async (db, params) =>
  ledgerCsv((await listLedger(db, params)).rows),
);
