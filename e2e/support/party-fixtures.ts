// People, visits and guest links for the all-party recording spec, seeded by e2e/support/server.ts after the frame
// fixtures (Dr. Okafor is theirs). Two patients who agreed to recording, each with a video visit open now, so the
// spec's tests never share a visit; guest links with known tokens (only their hashes are stored, as the app keeps them).
import { writeSeededSession } from "./seeded-session";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { RECORDING_CONSENT_VERSION } from "@/db/seed";
import { appointments, patientClinicians, patientProfiles, users, videoGuestInvites } from "@/db/schema";
import { framePeople } from "./frame-fixtures";

export const partyVisits = {
  /** Paz's video visit, open now: a companion joins by link and declines recording. */
  pazNow: "00000000-0000-4000-8000-00000000f101",
  /** Sol's video visit, open now: Sol stops recording from the visit page. */
  solNow: "00000000-0000-4000-8000-00000000f102",
  /** Tia's video visit, open now: recorded and transcribed, then Tia stops transcription. */
  tiaNow: "00000000-0000-4000-8000-00000000f103",
} as const;

/** Guest-link tokens as the invitation would carry them. */
export const guestTokens = {
  /** Paz's visit, unused, valid until it ends */
  fresh: "e2e-guest-fresh-paz-".padEnd(43, "f"),
  /** Paz's visit, already used */
  used: "e2e-guest-used-paz-".padEnd(43, "u"),
  /** Paz's visit, expired */
  expired: "e2e-guest-expired-paz-".padEnd(43, "e"),
  /** Sol's visit: refused on Paz's */
  otherVisit: "e2e-guest-other-sol-".padEnd(43, "o"),
} as const;

export const partyPeople = {
  paz: { email: "paz@patients.example", first: "Paz", last: "Party" },
  sol: { email: "sol@patients.example", first: "Sol", last: "Stop" },
  /** the one fixture patient who gave transcription consent (off by default for everyone else) */
  tia: { email: "tia@patients.example", first: "Tia", last: "Transcribe" },
} as const;

export const partyAuth = (who: keyof typeof partyPeople) => `e2e/.auth/party-${who}.json`;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function seedPartyFixtures(now = new Date()): Promise<void> {
  const at = (offset: number) => new Date(Math.floor((now.getTime() + offset) / MINUTE) * MINUTE);
  const [clinician] = await db()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, framePeople.clinician.email));
  if (!clinician) throw new Error("party fixtures: the frame fixtures' clinician is missing");
  const ids = { paz: "", sol: "", tia: "" };
  for (const key of ["paz", "sol", "tia"] as const) {
    const person = partyPeople[key];
    const [user] = await db()
      .insert(users)
      .values({ email: person.email, name: `${person.first} ${person.last}`, role: "patient" })
      .returning({ id: users.id });
    ids[key] = user!.id;
    await db()
      .insert(patientProfiles)
      .values({
        userId: user!.id,
        firstName: person.first,
        lastName: person.last,
        timeZone: "Europe/London",
        recordingConsent: true,
        recordingConsentChangedAt: at(-30 * DAY),
        recordingConsentVersion: RECORDING_CONSENT_VERSION,
        ...(key === "tia"
          ? {
              transcriptionConsent: true,
              transcriptionConsentChangedAt: at(-30 * DAY),
              transcriptionConsentVersion: "transcription-2026-01",
            }
          : {}),
      });
    await db().insert(patientClinicians).values({ patientId: user!.id, clinicianId: clinician.id });
  }
  const visit = { clinicianId: clinician.id, modality: "telehealth" as const, durationMinutes: 60 };
  await db()
    .insert(appointments)
    .values([
      { id: partyVisits.pazNow, patientId: ids.paz, ...visit, startsAt: at(10 * MINUTE) },
      { id: partyVisits.solNow, patientId: ids.sol, ...visit, startsAt: at(10 * MINUTE) },
      { id: partyVisits.tiaNow, patientId: ids.tia, ...visit, startsAt: at(10 * MINUTE) },
    ]);
  const until = at(70 * MINUTE);
  const invite = { role: "companion" as const, channel: "email" as const, createdBy: clinician.id };
  await db()
    .insert(videoGuestInvites)
    .values([
      { ...invite, appointmentId: partyVisits.pazNow, tokenHash: hash(guestTokens.fresh), expiresAt: until },
      {
        ...invite,
        appointmentId: partyVisits.pazNow,
        tokenHash: hash(guestTokens.used),
        expiresAt: until,
        usedAt: at(-MINUTE),
      },
      { ...invite, appointmentId: partyVisits.pazNow, tokenHash: hash(guestTokens.expired), expiresAt: at(-MINUTE) },
      { ...invite, appointmentId: partyVisits.solNow, tokenHash: hash(guestTokens.otherVisit), expiresAt: until },
    ]);

  // Seeded sessions: no sign-in emails (the suite's per-IP limit is shared).
  for (const who of ["paz", "sol", "tia"] as const) await writeSeededSession(ids[who], partyAuth(who), now);
}
