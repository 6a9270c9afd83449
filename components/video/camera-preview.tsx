"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Local camera and microphone, with device pickers; in the local preview's visit also Mute and Camera off (`controls`),
 * which switch the preview's own tracks as LiveRoom switches the room's.
 */
export function CameraPreview({
  onStream,
  controls = false,
}: {
  onStream?: (stream: MediaStream | null) => void;
  controls?: boolean;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const current = useRef<MediaStream | null>(null);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  // Read by the effect that opens a new device, without reopening it when they change.
  const mutedRef = useRef(false);
  const cameraOffRef = useRef(false);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState("");
  const [micId, setMicId] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    navigator.mediaDevices
      ?.getUserMedia({
        video: cameraId ? { deviceId: { exact: cameraId } } : true,
        audio: micId ? { deviceId: { exact: micId } } : true,
      })
      .then(async (acquired) => {
        if (stopped) return acquired.getTracks().forEach((t) => t.stop());
        stream = acquired;
        current.current = acquired;
        // A new device keeps what the person chose: still muted, camera still off.
        acquired.getAudioTracks().forEach((t) => (t.enabled = !mutedRef.current));
        acquired.getVideoTracks().forEach((t) => (t.enabled = !cameraOffRef.current));
        if (video.current) video.current.srcObject = acquired;
        onStream?.(acquired);
        setDevices(await navigator.mediaDevices.enumerateDevices());
        setError(null);
      })
      .catch(() => setError("The camera or microphone could not be opened. Check the browser's permission."));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [cameraId, micId, onStream]);

  function toggle(kind: "audio" | "video") {
    const off = kind === "audio" ? !muted : !cameraOff;
    const tracks = kind === "audio" ? current.current?.getAudioTracks() : current.current?.getVideoTracks();
    tracks?.forEach((t) => (t.enabled = !off));
    if (kind === "audio") {
      mutedRef.current = off;
      setMuted(off);
    } else {
      cameraOffRef.current = off;
      setCameraOff(off);
    }
  }

  const picker = (kind: MediaDeviceKind, label: string, value: string, set: (id: string) => void) => (
    <label className="flex flex-col text-sm">
      {label}
      <select value={value} onChange={(e) => set(e.target.value)} className="rounded border border-slate-300 px-2 py-1">
        <option value="">Default</option>
        {devices
          .filter((d) => d.kind === kind)
          .map((d, i) => (
            <option key={d.deviceId || i} value={d.deviceId}>
              {d.label || `${label} ${i + 1}`}
            </option>
          ))}
      </select>
    </label>
  );

  return (
    <div className="space-y-3">
      <video
        ref={video}
        autoPlay
        muted
        playsInline
        aria-label="Your camera preview"
        className="aspect-video w-full max-w-md rounded-lg bg-slate-900"
      />
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      {controls ? (
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => toggle("audio")} className="rounded border border-slate-300 px-3 py-1">
            {muted ? "Unmute" : "Mute"}
          </button>
          <button type="button" onClick={() => toggle("video")} className="rounded border border-slate-300 px-3 py-1">
            {cameraOff ? "Camera on" : "Camera off"}
          </button>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {picker("videoinput", "Camera", cameraId, setCameraId)}
        {picker("audioinput", "Microphone", micId, setMicId)}
      </div>
    </div>
  );
}
