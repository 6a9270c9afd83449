import { CsvError, parse } from "csv-parse/sync";
import { parseMobileNumber } from "@/lib/patients/preferences";
import { phoneRegionOf } from "@/lib/patients/phone-region";
import { plainText } from "@/lib/validation";
import { countryField, personEmail, timeZoneField } from "./schemas";

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export type ImportRow = {
  line: number;
  firstName: string;
  lastName: string;
  email: string;
  timeZone: string;
  phoneE164: string | null;
  country: string | null;
};
export type RowProblem = { line: number; reason: string };
export type CheckedFile = { rows: ImportRow[]; problems: RowProblem[] };

// Header names as people write them ("Time zone", "time_zone", "TimeZone") → the column.
const COLUMNS: Record<string, keyof typeof REQUIRED | "country"> = {
  name: "name",
  email: "email",
  timezone: "timeZone",
  phone: "phone",
  country: "country",
};
const REQUIRED = { name: "name", email: "email", timeZone: "time_zone", phone: "phone" } as const;
const headerKey = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

const nameField = plainText({ max: 200, label: "The name" });

/** "Mary Ann Smith" → first "Mary Ann", last "Smith"; one word is a first name alone. */
function splitName(name: string): { firstName: string; lastName: string } {
  const at = name.lastIndexOf(" ");
  return at < 0
    ? { firstName: name, lastName: "" }
    : { firstName: name.slice(0, at).trim(), lastName: name.slice(at + 1) };
}

const firstIssue = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : (result.error?.issues[0]?.message ?? "invalid");

/**
 * Reads and checks a patient CSV without touching the database: every row valid, or each invalid row with its line
 * number (the header is line 1) and reason. Duplicates within the file are found here; existing users by the caller.
 */
export function checkPatientCsv(text: string): CheckedFile | { fileError: string } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // One past the cap, so a file that is too long is noticed without reading all of it.
      to: MAX_IMPORT_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) return { fileError: `The file cannot be read as CSV (line ${error.lines}).` };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { fileError: "The file is empty." };
  if (body.length > MAX_IMPORT_ROWS) return { fileError: `The file has more than ${MAX_IMPORT_ROWS} rows.` };
  const index: Partial<Record<string, number>> = {};
  for (const [position, raw] of header.record.entries()) {
    const column = COLUMNS[headerKey(raw)];
    if (!column)
      return {
        fileError: `Unknown column "${raw.slice(0, 40)}" in line 1: use name, email, time_zone, phone, country.`,
      };
    index[column] = position;
  }
  const missing = Object.entries(REQUIRED).filter(([key]) => index[key] === undefined);
  if (missing.length > 0)
    return {
      fileError: `Line 1 lacks the column${missing.length > 1 ? "s" : ""} ${missing.map(([, label]) => label).join(", ")}.`,
    };
  if (body.length === 0) return { fileError: "The file has a header but no patients." };

  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (key: string) => (index[key] === undefined ? "" : (record[index[key]!] ?? ""));
    if (record.length !== header.record.length) {
      problems.push({ line, reason: `expected ${header.record.length} fields, found ${record.length}` });
      continue;
    }
    const reasons: string[] = [];
    const name = nameField.safeParse(cell("name"));
    if (!name.success) reasons.push(firstIssue(name)!);
    else if (!name.data) reasons.push("the name is missing");
    const email = personEmail.safeParse(cell("email"));
    if (!email.success) reasons.push(`bad email: ${firstIssue(email)}`);
    const zone = timeZoneField.safeParse(cell("timeZone").trim());
    if (!zone.success) reasons.push(`unknown time zone "${cell("timeZone").trim().slice(0, 64)}"`);
    const country = countryField.safeParse(cell("country"));
    if (!country.success) reasons.push(firstIssue(country)!);
    let phoneE164: string | null = null;
    if (zone.success && country.success) {
      const phone = parseMobileNumber(
        cell("phone").trim(),
        phoneRegionOf({ country: country.data, timeZone: zone.data }),
      );
      if ("error" in phone) reasons.push(`bad phone for the country: ${phone.error}`);
      else phoneE164 = phone.e164;
    }
    if (email.success) {
      const earlier = seen.get(email.data);
      if (earlier !== undefined) reasons.push(`duplicate email: the same as line ${earlier}`);
      else seen.set(email.data, line);
    }
    if (reasons.length > 0 || !name.success || !email.success || !zone.success || !country.success) {
      problems.push({ line, reason: reasons.join("; ") });
      continue;
    }
    rows.push({
      line,
      ...splitName(name.data),
      email: email.data,
      timeZone: zone.data,
      phoneE164,
      country: country.data,
    });
  }
  return { rows, problems };
}
