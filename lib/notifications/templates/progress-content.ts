import { formatDateTime } from "@/lib/format";
import type { MessageContent } from "./content";
import { fitOneSegment } from "./text";

export type ProgressUpdateContext = { firstName: string; clinicianName: string; progressUrl: string };

/** To the patient: that an update exists and where to read it. Never its content (DESIGN.md, invariant 7). */
export function progressUpdateContent(ctx: ProgressUpdateContext): MessageContent {
  return {
    subject: "A new progress update is available",
    lines: [`${ctx.clinicianName} has added a progress update for you. Sign in to your patient portal to read it.`],
    link: { label: "Read your progress update", url: ctx.progressUrl },
  };
}

/** One SMS segment, shortened when names are long; the first SMS to a number carries the opt-out line. */
export function progressUpdateText(ctx: ProgressUpdateContext, channel: "sms" | "whatsapp", firstText = false): string {
  return fitOneSegment(
    [
      `Hi ${ctx.firstName}, ${ctx.clinicianName} added a progress update to your portal: ${ctx.progressUrl}`,
      `Hi ${ctx.firstName}, a new progress update is in your portal: ${ctx.progressUrl}`,
      `A new progress update is in your patient portal: ${ctx.progressUrl}`,
    ],
    channel === "sms" && firstText,
  );
}

export type ProgressShareContext = {
  patientFirstName: string;
  contactName: string;
  relationship: string | null;
  clinicianName: string;
  appointmentStartsAt: Date;
  timeZone: string;
  summary: string;
  portalUrl: string;
};

/** To the care contact, with the patient's consent: the patient-facing summary, and nothing of the private note. */
export function progressShareContent(ctx: ProgressShareContext): MessageContent {
  const as = ctx.relationship ? ` as their ${ctx.relationship.toLowerCase()}` : "";
  return {
    subject: `A progress update from ${ctx.patientFirstName}'s care team`,
    lines: [
      `${ctx.patientFirstName} asked their clinic to share progress updates with you${as}. This update is from ${ctx.clinicianName}, after the appointment on ${formatDateTime(ctx.appointmentStartsAt, ctx.timeZone)}:`,
      ...ctx.summary.split(/\n+/).filter((line) => line.trim() !== ""),
    ],
    link: { label: "About the patient portal", url: ctx.portalUrl },
  };
}

export const careContactFooter = (patientFirstName: string) =>
  `You receive this because ${patientFirstName} named you as their care contact and agreed to share progress updates with you. Only ${patientFirstName} can change this, in their patient portal.`;
