import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { zoneNote } from "@/components/admin/admin-list";
import { cell, rowClass, Table } from "@/components/ui/table";
import { db } from "@/db/client";
import { withStaffAccess } from "@/lib/access/record";
import { parseListParams } from "@/lib/admin/list";
import { formatAdminTime } from "@/lib/admin/time";
import { requirePageRole } from "@/lib/auth/session";
import { isRecordId } from "@/lib/validation";
import { getVideoSessionDetail, type VideoSessionDetail } from "@/lib/video/admin-queries";
import { causeLabels, deletionLabels, guardLabels, reasonLabels } from "../labels";

export const metadata: Metadata = { title: "Video session" };

const answerLabel = (consent: boolean | null) => (consent === null ? "Not answered" : consent ? "Yes" : "No");

function ParticipantsTable({ detail, zone }: { detail: VideoSessionDetail; zone: string }) {
  const at = (moment: Date | null) => (moment ? formatAdminTime(moment, zone) : "—");
  return (
    <Table
      caption="Participants and their answers to the recording and transcription questions"
      headers={["Role", "Name", "Recording consent", "Transcription consent", "Answered", "Joined", "Left"]}
      empty="Nobody joined this visit."
      isEmpty={detail.participants.length === 0}
    >
      {detail.participants.map((p) => (
        <tr key={p.id} className={rowClass} data-testid="participant-row">
          <td className={cell}>{p.role}</td>
          <td className={cell}>{p.displayName}</td>
          <td className={cell}>{answerLabel(p.recordingConsent)}</td>
          <td className={cell}>{answerLabel(p.transcriptionConsent)}</td>
          <td className={cell}>{at(p.answeredAt)}</td>
          <td className={cell}>{at(p.joinedAt)}</td>
          <td className={cell}>{p.present ? "still in the visit" : at(p.leftAt)}</td>
        </tr>
      ))}
    </Table>
  );
}

function RuleChangesTable({ detail, zone }: { detail: VideoSessionDetail; zone: string }) {
  return (
    <Table
      caption="Recording rules and transcription sent to the room, oldest first"
      headers={["When", "Rules", "Transcription", "Cause", "Participant", "Room"]}
      empty="No recording rules were sent."
      isEmpty={detail.ruleChanges.length === 0}
    >
      {detail.ruleChanges.map((change) => (
        <tr key={change.id} className={rowClass} data-testid="rule-change-row">
          <td className={cell}>{formatAdminTime(change.createdAt, zone)}</td>
          <td className={cell}>{change.recording ? "On (include all)" : "Off (exclude all)"}</td>
          <td className={cell}>{change.transcription ? "On" : "Off"}</td>
          <td className={cell}>{causeLabels[change.cause] ?? change.cause}</td>
          <td className={cell}>
            {change.participantRole ? `${change.participantName} (${change.participantRole})` : "—"}
          </td>
          <td className={cell}>{change.roomSid ?? "local preview"}</td>
        </tr>
      ))}
    </Table>
  );
}

function RecordingsTable({ detail, zone }: { detail: VideoSessionDetail; zone: string }) {
  return (
    <Table
      caption="Recordings of the room"
      headers={["Recording", "Status", "Reported", "Deleted", "Why deleted"]}
      empty="No recordings were reported for this room."
      isEmpty={detail.recordings.length === 0}
    >
      {detail.recordings.map((recording) => (
        <tr key={recording.recordingSid} className={rowClass} data-testid="recording-row">
          <td className={cell}>{recording.recordingSid}</td>
          <td className={cell}>{recording.status}</td>
          <td className={cell}>{formatAdminTime(recording.createdAt, zone)}</td>
          <td className={cell}>{recording.deletedAt ? formatAdminTime(recording.deletedAt, zone) : "Kept"}</td>
          <td className={cell}>{recording.deletedReason ? deletionLabels[recording.deletedReason] : "—"}</td>
        </tr>
      ))}
    </Table>
  );
}

export default async function VideoSessionPage({ params, searchParams }: PageProps<"/admin/video-sessions/[id]">) {
  const user = await requirePageRole("admin");
  const { id } = await params;
  if (!isRecordId(id)) notFound();
  const { zone } = parseListParams(await searchParams);
  // A staff read of the patient's record, logged as the list's is.
  const detail = await withStaffAccess(user, () => getVideoSessionDetail(db(), id));
  if (!detail) notFound();
  const { session } = detail;
  const section = "mt-6 rounded-lg border border-slate-200 bg-white p-4";
  return (
    <section>
      <p>
        <Link href="/admin/video-sessions" className="text-sm text-brand-700 underline">
          All video sessions
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">
        Video session: {session.patientFirstName} {session.patientLastName} with {session.clinicianName}
      </h1>
      <p className="mt-1 text-slate-600">
        Visit starts {formatAdminTime(session.appointmentStartsAt, zone)}; session opened{" "}
        {formatAdminTime(session.createdAt, zone)}
        {session.endedAt ? `, ended ${formatAdminTime(session.endedAt, zone)}` : ` (${session.status})`}.{" "}
        {zoneNote(zone)}
      </p>
      <p className="mt-1" data-testid="session-state">
        Recording {session.recording ? "on" : "off"}: {reasonLabels[session.recordingReason]}. Guard action:{" "}
        {session.guardAction ? (guardLabels[session.guardAction] ?? session.guardAction) : "none needed"}.
      </p>
      <div className={section}>
        <h2 className="text-lg font-semibold">Participants</h2>
        <ParticipantsTable detail={detail} zone={zone} />
      </div>
      <div className={section}>
        <h2 className="text-lg font-semibold">Recording rule changes</h2>
        <RuleChangesTable detail={detail} zone={zone} />
      </div>
      <div className={section}>
        <h2 className="text-lg font-semibold">Recordings</h2>
        <RecordingsTable detail={detail} zone={zone} />
      </div>
    </section>
  );
}
