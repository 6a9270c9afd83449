import { db } from "@/db/client";
import { authorize } from "@/lib/auth/session";
import { ledgerCsv, listLedger } from "@/lib/patients/ledger-queries";
import { toLedgerFilters } from "../../ledger-filters";

// CSV of the filtered ledger, for admins only.
export async function GET(request: Request) {
  const auth = await authorize("admin");
  if (!auth.ok) return new Response(auth.message, { status: auth.status });
  const filters = toLedgerFilters(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await listLedger(db(), filters, 100_000);
  return new Response(ledgerCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="consent-ledger.csv"',
      "cache-control": "no-store",
    },
  });
}
