"use client";

import { useEffect, useRef, useState } from "react";

/** Local camera and microphone before joining, with device pickers. */
export function CameraPreview({ onStream }: { onStream?: (stream: MediaStream | null) => void }) {
  const video = useRef<HTMLVideoElement>(null);
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
      <div className="flex flex-wrap gap-3">
        {picker("videoinput", "Camera", cameraId, setCameraId)}
        {picker("audioinput", "Microphone", micId, setMicId)}
      </div>
    </div>
  );
}
