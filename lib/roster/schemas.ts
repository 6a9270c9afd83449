import { getCountries } from "libphonenumber-js/max";
import { z } from "zod";
import { timeZoneNames } from "@/lib/patients/time-zones";
import { plainText } from "@/lib/validation";

const knownCountries = new Set<string>(getCountries());
// The settings page's list and whatever this server's ICU lists, as on /settings.
const supportedTimeZones = new Set([...timeZoneNames, ...Intl.supportedValuesOf("timeZone")]);

export const personEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

/** Listed, or an IANA name this server's ICU knows by another spelling (Asia/Kolkata for the listed Asia/Calcutta). */
function knownTimeZone(zone: string): boolean {
  if (supportedTimeZones.has(zone)) return true;
  if (!/^[A-Za-z]+\/[A-Za-z0-9_+\-/]+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneField = z
  .string()
  .max(64, "Choose a time zone from the list.")
  .refine(knownTimeZone, "Unknown time zone: choose one from the list.");

/** ISO 3166-1 alpha-2 ("GB", "us"), or blank for none. */
export const countryField = z
  .string()
  .trim()
  .toUpperCase()
  .max(2, "Use a two-letter country code, like GB or US.")
  .refine((code) => code === "" || knownCountries.has(code), "Unknown country: use a two-letter code, like GB or US.")
  .transform((code) => code || null);

export const inviteSchema = z.strictObject({
  firstName: plainText({ max: 100, label: "The first name" }).pipe(z.string().min(1, "Enter a first name.")),
  lastName: plainText({ max: 100, label: "The last name" }).default(""),
  email: personEmail,
  role: z.enum(["patient", "clinician"], { error: "Choose patient or clinician." }),
  timeZone: timeZoneField,
  phone: plainText({ max: 32, label: "The number" }).default(""),
  country: countryField.default(""),
  /** a patient's clinicians, chosen in the form (none is allowed: an admin can assign later) */
  clinicianIds: z
    .union([z.uuid("Choose a clinician from the list."), z.array(z.uuid("Choose a clinician from the list."))])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});
export type InviteInput = z.output<typeof inviteSchema>;

export const userIdSchema = z.strictObject({ userId: z.uuid("Unknown person.") });

export const assignmentSchema = z.strictObject({
  patientId: z.uuid("Unknown patient."),
  clinicianId: z.uuid("Choose a clinician."),
});

export const importSchema = z.strictObject({
  intent: z.enum(["check", "import"], { error: "Choose to check or import." }),
  file: z.instanceof(File, { error: "Choose a CSV file." }),
  /** the dry run's fingerprint of the file: the import writes only what the admin saw checked */
  checked: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
