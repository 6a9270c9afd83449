import { TZDate } from "@date-fns/tz";
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventClass, ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block, tzlib_get_timezones } from "timezones-ical-library";
import type { Appointment } from "@/db/schema";
import { JOIN_OPENS_MINUTES_BEFORE } from "./join-window";

export type CalendarAppointment = Pick<
  Appointment,
  "id" | "startsAt" | "durationMinutes" | "modality" | "status" | "sequence"
> & { clinicianName: string; timeZone: string };

/** Who sends the invitation (the portal's own address, named for the clinician) and the patient it is for. */
export type CalendarParties = { appUrl: string; organizerEmail: string; attendeeEmail: string };

/** "Clinic <portal@clinic.example>" → "portal@clinic.example" */
export const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from.trim();

const knownZones = new Set(tzlib_get_timezones() as string[]);

/** The zone's VTIMEZONE block (current IANA rules), so every calendar app reads the times as the patient does. */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

/**
 * An appointment as an .ics file in the patient's time zone: the same file for the email and the download. Minimum
 * necessary: the date and time, the clinician's name, video or in person, and a portal link, never anything
 * clinical; marked private for shared calendars. A scheduled visit is a REQUEST, a cancelled one a CANCEL of the same
 * UID; SEQUENCE is the appointment's own revision, raised by each move and the cancellation.
 */
export function appointmentCalendar(
  appointment: CalendarAppointment,
  parties: CalendarParties,
  now = new Date(),
): string {
  const { appUrl } = parties;
  const cancelled = appointment.status === "cancelled";
  const zone = knownZones.has(appointment.timeZone) ? appointment.timeZone : null;
  const video = appointment.modality === "telehealth";
  const link = video ? `${appUrl}/visit/${appointment.id}` : `${appUrl}/appointments`;
  const ends = new Date(appointment.startsAt.getTime() + appointment.durationMinutes * 60_000);
  const calendar = ical({
    prodId: { company: "Patient Portal", product: "Appointments", language: "EN" },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: zone ? { name: null, generator: vtimezone } : null,
  });
  calendar.createEvent({
    // Stable per appointment, so importing a newer file (a moved visit) updates the entry instead of adding one.
    id: `appointment-${appointment.id}@${new URL(appUrl).host}`,
    sequence: appointment.sequence,
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
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // RFC 5546: a REQUEST or CANCEL names its organizer and attendee; no reply is asked for.
    organizer: { name: appointment.clinicianName, email: parties.organizerEmail },
    attendees: [{ email: parties.attendeeEmail, rsvp: false, role: ICalAttendeeRole.REQ }],
  });
  return calendar.toString();
}

/** "visit-2026-11-25.ics": the local date only. */
export function calendarFileName(appointment: CalendarAppointment): string {
  const date = new TZDate(appointment.startsAt, knownZones.has(appointment.timeZone) ? appointment.timeZone : "UTC");
  const pad = (n: number) => String(n).padStart(2, "0");
  return `visit-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.ics`;
}
