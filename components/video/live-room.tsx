"use client";

import { useEffect, useRef, useState } from "react";
import type { LocalAudioTrack, LocalVideoTrack, RemoteTrack, Room } from "twilio-video";

/** A Twilio Video room in the browser; twilio-video is loaded only here, on the session pages. */
export function LiveRoom({
  token,
  roomName,
  onRecordingChange,
  onLeave,
}: {
  token: string;
  roomName: string;
  onRecordingChange: (recording: boolean) => void;
  onLeave: () => void;
}) {
  const local = useRef<HTMLDivElement>(null);
  const remote = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<Room | null>(null);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [reconnecting, setReconnecting] = useState(false);

  useEffect(() => {
    let joined: Room | null = null;
    let cancelled = false;
    (async () => {
      const Video = await import("twilio-video");
      const connected = await Video.connect(token, { name: roomName, audio: true, video: { width: 640 } });
      if (cancelled) return connected.disconnect();
      joined = connected;
      setRoom(connected);
      connected.localParticipant.videoTracks.forEach((pub) => local.current?.appendChild(pub.track.attach()));
      const attach = (track: RemoteTrack) => {
        if (track.kind !== "data") remote.current?.appendChild(track.attach());
      };
      connected.participants.forEach((p) => p.on("trackSubscribed", attach));
      connected.on("participantConnected", (p) => p.on("trackSubscribed", attach));
      connected.on("trackUnsubscribed", (track: RemoteTrack) => {
        if (track.kind !== "data") track.detach().forEach((el) => el.remove());
      });
      connected.on("reconnecting", () => setReconnecting(true));
      connected.on("reconnected", () => setReconnecting(false));
      connected.on("recordingStarted", () => onRecordingChange(true));
      connected.on("recordingStopped", () => onRecordingChange(false));
      onRecordingChange(connected.isRecording);
    })();
    return () => {
      cancelled = true;
      joined?.disconnect();
    };
  }, [token, roomName, onRecordingChange]);

  const tracks = <T extends "audio" | "video">(kind: T) =>
    [
      ...(kind === "audio"
        ? (room?.localParticipant.audioTracks.values() ?? [])
        : (room?.localParticipant.videoTracks.values() ?? [])),
    ].map((pub) => pub.track as T extends "audio" ? LocalAudioTrack : LocalVideoTrack);

  return (
    <div className="space-y-3">
      {reconnecting ? (
        <p role="status" className="rounded bg-amber-100 p-2 text-amber-900">
          Reconnecting…
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <div
          ref={remote}
          aria-label="The other participant"
          className="aspect-video rounded-lg bg-slate-900 [&>video]:h-full [&>video]:w-full"
        />
        <div
          ref={local}
          aria-label="You"
          className="aspect-video rounded-lg bg-slate-800 [&>video]:h-full [&>video]:w-full"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => {
            tracks("audio").forEach((t) => (muted ? t.enable() : t.disable()));
            setMuted(!muted);
          }}
          className="rounded border border-slate-300 px-3 py-1"
        >
          {muted ? "Unmute" : "Mute"}
        </button>
        <button
          type="button"
          onClick={() => {
            tracks("video").forEach((t) => (cameraOff ? t.enable() : t.disable()));
            setCameraOff(!cameraOff);
          }}
          className="rounded border border-slate-300 px-3 py-1"
        >
          {cameraOff ? "Camera on" : "Camera off"}
        </button>
        <button
          type="button"
          onClick={() => {
            room?.disconnect();
            onLeave();
          }}
          className="rounded bg-red-700 px-3 py-1 text-white"
        >
          Leave
        </button>
      </div>
    </div>
  );
}
