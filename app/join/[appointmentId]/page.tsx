import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { GuestJoinForm } from "@/components/video/guest-join-form";
import { GuestVisit } from "@/components/video/guest-visit";
import { isRecordId } from "@/lib/validation";
import { GUEST_COOKIE, guestOf, guestRoom, suggestedRole } from "@/lib/video/guests";
import { videoProvider } from "@/lib/video/provider";
import { roomNameFor } from "@/lib/video/twilio-video";
import { guestStateView } from "@/lib/video/visits";

export const metadata: Metadata = { title: "Join a video visit" };

// A guest's page: the visit and nothing else of the patient's record; no portal account needed.
export default async function GuestJoinPage({ params, searchParams }: PageProps<"/join/[appointmentId]">) {
  const { appointmentId } = await params;
  if (!isRecordId(appointmentId)) notFound();
  const { token } = await searchParams;
  const guest = await guestOf(db(), appointmentId, (await cookies()).get(GUEST_COOKIE)?.value);
  const link = typeof token === "string" ? token : "";
  // In the visit: a token for its Twilio room once in progress; before it, the role the clinician suggested.
  const [room, initial] = guest
    ? await Promise.all([guestRoom(db(), appointmentId, guest.identity), guestStateView(db(), appointmentId)])
    : [null, null];
  const suggested = guest ? null : await suggestedRole(db(), appointmentId, link);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Join a video visit</h1>
      {guest && initial ? (
        <GuestVisit
          appointmentId={appointmentId}
          initial={initial}
          room={room?.token ? { token: room.token, roomName: roomNameFor(appointmentId) } : null}
          videoConfigured={videoProvider(db()).mode === "twilio"}
        />
      ) : (
        <GuestJoinForm appointmentId={appointmentId} token={link} suggestedRole={suggested ?? "companion"} />
      )}
    </section>
  );
}
