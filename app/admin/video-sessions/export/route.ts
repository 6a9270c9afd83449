import { toCsv } from "@/lib/admin/csv";
import { listVideoSessions } from "@/lib/video/admin-queries";
import { csvExport } from "../../export";
import { videoFields } from "../../list-fields";

// CSV of the filtered video sessions, for admins only.
export const GET = csvExport("video-sessions.csv", videoFields, async (db, params) => {
  const { rows } = await listVideoSessions(db, params);
  return toCsv(
    [
      "created_utc",
      "patient",
      "clinician",
      "starts_utc",
      "recording",
      "reason",
      "consent_ledger_id",
      "guard_action",
      "participants",
      "room_sid",
      "status",
    ],
    rows.map((row) => [
      row.createdAt,
      `${row.patientFirstName} ${row.patientLastName}`,
      row.clinicianName,
      row.appointmentStartsAt,
      row.recording,
      row.recordingReason,
      row.consentLedgerId,
      row.guardAction,
      row.participants,
      row.roomSid,
      row.status,
    ]),
  );
});
