import { TZDate } from "@date-fns/tz";
import ical, { ICalCalendarMethod, ICalEventClass, ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block, tzlib_get_timezones } from "timezones-ical-library";
import type { Appointment } from "@/db/schema";
import { JOIN_OPENS_MINUTES_BEFORE } from "./join-window";

export type CalendarAppointment = Pick<
  Appointment,
  "id" | "startsAt" | "durationMinutes" | "modality" | "status" | "updatedAt"
> & { clinicianName: string; timeZone: string };

const knownZones = new Set(tzlib_get_timezones() as string[]);

/** The zone's VTIMEZONE block (current IANA rules), so every calendar app reads the times as the patient does. */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

/**
 * An appointment as an .ics file in the patient's time zone. Minimum necessary: the date and time, the clinician's
 * name, video or in person, and a portal link, never anything clinical; marked private for shared calendars.
 */
export function appointmentCalendar(appointment: CalendarAppointment, appUrl: string, now = new Date()): string {
  const zone = knownZones.has(appointment.timeZone) ? appointment.timeZone : null;
  const video = appointment.modality === "telehealth";
  const link = video ? `${appUrl}/visit/${appointment.id}` : `${appUrl}/appointments`;
  const ends = new Date(appointment.startsAt.getTime() + appointment.durationMinutes * 60_000);
  const calendar = ical({
    prodId: { company: "Patient Portal", product: "Appointments", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    timezone: zone ? { name: null, generator: vtimezone } : null,
  });
  calendar.createEvent({
    // Stable per appointment, so importing a newer file (a moved visit) updates the entry instead of adding one.
    id: `appointment-${appointment.id}@${new URL(appUrl).host}`,
    // Seconds of the last change: a later file always carries a higher sequence.
    sequence: Math.floor(appointment.updatedAt.getTime() / 1000),
    stamp: now,
    // TZDate: ical-generator writes the wall-clock time in the event's zone (a plain Date would use the server's).
    start: zone ? new TZDate(appointment.startsAt, zone) : appointment.startsAt,
    end: zone ? new TZDate(ends, zone) : ends,
    timezone: zone,
    summary: `${video ? "Video visit" : "In-person appointment"} with ${appointment.clinicianName}`,
    description: video
      ? `Video visit. Join from the patient portal from ${JOIN_OPENS_MINUTES_BEFORE} minutes before the start: ${link}`
      : `In person. Your appointments in the patient portal: ${link}`,
    location: video ? link : "In person",
    url: link,
    class: ICalEventClass.PRIVATE,
    status: appointment.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

/** "visit-2026-11-25.ics": the local date only. */
export function calendarFileName(appointment: CalendarAppointment): string {
  const date = new TZDate(appointment.startsAt, knownZones.has(appointment.timeZone) ? appointment.timeZone : "UTC");
  const pad = (n: number) => String(n).padStart(2, "0");
  return `visit-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.ics`;
}
