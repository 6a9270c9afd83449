import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, videoGuestInvites } from "@/db/schema";
import { joinWindow } from "@/lib/appointments/join-window";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/notifications/providers/email";
import { sendText } from "@/lib/notifications/providers/text";
import { videoProvider } from "./provider";
import { joinAndHoldRoom } from "./recording-rules";
import { currentRecordingState, ownTelehealthAppointment } from "./sessions";
import { roomNameFor } from "./twilio-video";

export type GuestRole = "companion" | "interpreter";
const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
export const GUEST_COOKIE = "visit_guest";

export type InviteResult = { ok: true; inviteId: string } | { ok: false; status: 404 | 409; message: string };

/**
 * The clinician invites a companion or interpreter: a single-use link to this visit only, valid until it ends, sent
 * as sign-in links are (no patient preference can block it; it is not the patient's message). Only hashes are kept.
 */
export async function inviteGuest(
  db: Db,
  clinicianId: string,
  appointmentId: string,
  invite: { role: GuestRole; email?: string; phone?: string },
  now = new Date(),
): Promise<InviteResult> {
  const appointment = await ownTelehealthAppointment(db, clinicianId, appointmentId);
  if (!appointment) return { ok: false, status: 404, message: "Not found." };
  const [visit] = await db
    .select({ startsAt: appointments.startsAt, durationMinutes: appointments.durationMinutes })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  const { endsAt } = joinWindow(visit!);
  if (appointment.status !== "scheduled" || endsAt <= now)
    return { ok: false, status: 409, message: "This visit is over or not scheduled." };
  const token = newToken();
  const [row] = await db
    .insert(videoGuestInvites)
    .values({
      appointmentId,
      role: invite.role,
      channel: invite.email ? "email" : "sms",
      tokenHash: hash(token),
      expiresAt: endsAt,
      createdBy: clinicianId,
    })
    .returning({ id: videoGuestInvites.id });
  const url = `${env().appUrl}/join/${appointmentId}?token=${token}`;
  const text = `You are invited to join a video visit as ${invite.role === "interpreter" ? "an interpreter" : "a companion"}: ${url} — the link works once, for this visit only.`;
  if (invite.email) await sendEmail({ to: invite.email, subject: "Your link to a video visit", text });
  else await sendText({ channel: "sms", to: invite.phone!, body: text, kind: "guest_invite" });
  return { ok: true, inviteId: row!.id };
}

export type GuestRoom = { mode: "twilio" | "local-preview"; token: string | null };
export type RedeemResult =
  | ({ ok: true; sessionToken: string; participantId: string } & GuestRoom)
  | { ok: false; status: 403 | 410; message: string };

/**
 * The guest opens the link, gives a name, chooses their role (the invite's is only the clinician's suggestion) and
 * answers the recording and transcription questions. The link is claimed once, atomically:
 * a reused, expired or other visit's link is refused. The guest's session is a new random cookie, kept as a hash.
 */
export async function redeemInvite(
  db: Db,
  appointmentId: string,
  token: string,
  guest: {
    displayName: string;
    role?: GuestRole;
    region?: string;
    recordingConsent: boolean;
    transcriptionConsent?: boolean;
  },
  now = new Date(),
): Promise<RedeemResult> {
  const sessionToken = newToken();
  const [claimed] = await db
    .update(videoGuestInvites)
    .set({ usedAt: now, sessionHash: hash(sessionToken) })
    .where(
      and(
        eq(videoGuestInvites.tokenHash, hash(token)),
        eq(videoGuestInvites.appointmentId, appointmentId),
        isNull(videoGuestInvites.usedAt),
        gt(videoGuestInvites.expiresAt, now),
      ),
    )
    .returning({ id: videoGuestInvites.id, role: videoGuestInvites.role });
  if (!claimed) {
    const [known] = await db
      .select({ appointmentId: videoGuestInvites.appointmentId, usedAt: videoGuestInvites.usedAt })
      .from(videoGuestInvites)
      .where(eq(videoGuestInvites.tokenHash, hash(token)));
    if (!known || known.appointmentId !== appointmentId)
      return { ok: false, status: 403, message: "This link is not for this visit." };
    return known.usedAt
      ? { ok: false, status: 410, message: "This link has already been used. Ask the clinician for a new one." }
      : { ok: false, status: 410, message: "This link has expired." };
  }
  const participantId = await joinAndHoldRoom(db, {
    appointmentId,
    role: guest.role ?? claimed.role,
    identity: `guest-${claimed.id}`,
    displayName: guest.displayName,
    region: guest.region?.toUpperCase() ?? null,
    recordingConsent: guest.recordingConsent,
    transcriptionConsent: guest.transcriptionConsent,
  });
  await db.update(videoGuestInvites).set({ participantId }).where(eq(videoGuestInvites.id, claimed.id));
  return { ok: true, sessionToken, participantId, ...(await guestRoom(db, appointmentId, `guest-${claimed.id}`)) };
}

/** The role the clinician suggested on an unused link for this visit, to preselect on the guest's form. */
export async function suggestedRole(db: Db, appointmentId: string, token: string): Promise<GuestRole | null> {
  if (!token) return null;
  const [invite] = await db
    .select({ role: videoGuestInvites.role })
    .from(videoGuestInvites)
    .where(
      and(
        eq(videoGuestInvites.tokenHash, hash(token)),
        eq(videoGuestInvites.appointmentId, appointmentId),
        isNull(videoGuestInvites.usedAt),
      ),
    );
  return invite?.role ?? null;
}

/** In a Twilio room that is in progress, a token for that room only, as the guest's identity; else the local preview. */
export async function guestRoom(db: Db, appointmentId: string, identity: string): Promise<GuestRoom> {
  const session = await currentRecordingState(db, appointmentId);
  const provider = videoProvider(db);
  if (provider.mode !== "twilio" || session?.status !== "in-progress") return { mode: "local-preview", token: null };
  return { mode: "twilio", token: provider.token(identity, roomNameFor(appointmentId)) };
}

/** The guest behind a session cookie, for this visit only and only until it ends. */
export async function guestOf(db: Db, appointmentId: string, sessionToken: string | undefined, now = new Date()) {
  if (!sessionToken) return null;
  const [guest] = await db
    .select({ inviteId: videoGuestInvites.id, participantId: videoGuestInvites.participantId })
    .from(videoGuestInvites)
    .where(
      and(
        eq(videoGuestInvites.sessionHash, hash(sessionToken)),
        eq(videoGuestInvites.appointmentId, appointmentId),
        gt(videoGuestInvites.expiresAt, now),
      ),
    );
  return guest?.participantId ? { identity: `guest-${guest.inviteId}`, participantId: guest.participantId } : null;
}
