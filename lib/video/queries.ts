import "server-only";
import { staffRead } from "@/lib/access/record";
import { ownTelehealthAppointment } from "./sessions";

/** The session page's read of the clinician's own telehealth appointment (the patient's name and the visit): logged. */
export const getSessionAppointment = staffRead(
  "video_session",
  (row: { patientId: string } | null) => (row ? [row.patientId] : []),
  ownTelehealthAppointment,
);
