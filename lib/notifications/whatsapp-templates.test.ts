import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { startupProblems } from "@/lib/startup";
import { createAppointment, createClinician, createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { deliver } from "./gate";
import {
  missingWhatsAppTemplates,
  templateProblems,
  templateVariables,
  whatsAppKinds,
  whatsAppTemplates,
} from "./whatsapp-templates";

const fakes = setUpFakes();
beforeEach(() => resetFakes(fakes));

const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://portal@db.internal/portal",
  AUTH_SECRET: "x".repeat(40),
  AUTH_URL: "https://portal.example-clinic.org",
  RESEND_API_KEY: "re_live_key",
  EMAIL_FROM: "Clinic <portal@example-clinic.org>",
  INNGEST_EVENT_KEY: "event-key",
  INNGEST_SIGNING_KEY: "signkey-prod-123",
  TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000009",
  TWILIO_AUTH_TOKEN: "live-token",
  TWILIO_WHATSAPP_FROM: "+14155238886",
};
const allSids = Object.fromEntries(
  whatsAppKinds.map((kind, index) => [
    `TWILIO_WHATSAPP_CONTENT_SID_${kind.toUpperCase()}`,
    `HX${String(index).padStart(32, "0")}`,
  ]),
);

describe("the WhatsApp template registry", () => {
  it.each(whatsAppKinds)("%s: a utility template Meta would accept, with named variables only", (kind) => {
    const template = whatsAppTemplates[kind];
    expect(template.category).toBe("utility");
    expect(templateProblems(template.text)).toEqual([]);
    for (const name of template.text.matchAll(/\{\{(\w+)\}\}/g)) expect(templateVariables).toContain(name[1]);
  });

  it("refuses what Meta refuses: a template that is only a variable, starts or ends with one, or numbers them", () => {
    expect(templateProblems("{{first_name}}")).toContain("the template is only variables");
    expect(templateProblems("{{first_name}}, your visit is soon.")).toEqual(["the template starts with a variable"]);
    expect(templateProblems("Your visit: {{link}}")).toEqual(["the template ends with a variable"]);
    expect(templateProblems("Join here {{link}}.")).toEqual(["the template ends with a variable"]);
    expect(templateProblems("Hello {{1}}, see you.")).toEqual(["unknown variable {{1}}"]);
    expect(templateProblems("Hello {{first_name}} {{clinician}} soon.")).toEqual(["two variables are side by side"]);
  });

  it("production with WhatsApp configured refuses to start while a kind has no template", () => {
    const problems = startupProblems(production);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      "confirmation, reminder_24h, reminder_1h, reminder_15m, cancellation, rescheduled, progress_update",
    );
    expect(
      missingWhatsAppTemplates({ ...production, ...allSids, TWILIO_WHATSAPP_CONTENT_SID_RESCHEDULED: "" }),
    ).toEqual(["rescheduled"]);
    expect(startupProblems({ ...production, ...allSids })).toEqual([]);
    expect(startupProblems({ ...production, TWILIO_WHATSAPP_FROM: "" })).toEqual([]);
    // Development keeps the body form for the Twilio sandbox.
    expect(startupProblems({ TWILIO_WHATSAPP_FROM: "+14155238886" })).toEqual([]);
  });
});

describe("sending by WhatsApp", () => {
  async function whatsAppConfirmation() {
    const patient = await createPatient(db(), {
      firstName: "Marguerite",
      phoneE164: "+447700900555",
      textMessages: true,
      textChannel: "whatsapp",
      whatsappOptIn: true,
    });
    const clinician = await createClinician(db());
    const appointmentId = await createAppointment(db(), {
      patientId: patient.id,
      clinicianId: clinician.id,
      startsAt: new Date(Date.now() + 3 * 86_400_000),
    });
    expect(await deliver(db(), { appointmentId, kind: "confirmation", channel: "text" })).toMatchObject({
      outcome: "sent",
    });
    const sent = fakes.twilio.requests.filter((request) => request.path.endsWith("/Messages.json"));
    expect(sent).toHaveLength(1);
    return sent[0]!.parsed as Record<string, string>;
  }

  it("uses the kind's Content SID with named variables, never the body", async () => {
    vi.stubEnv("TWILIO_WHATSAPP_CONTENT_SID_CONFIRMATION", "HX00000000000000000000000000000001");
    const params = await whatsAppConfirmation();
    vi.stubEnv("TWILIO_WHATSAPP_CONTENT_SID_CONFIRMATION", "");
    expect(params.ContentSid).toBe("HX00000000000000000000000000000001");
    expect(params.Body).toBeUndefined();
    expect(params.To).toBe("whatsapp:+447700900555");
    const variables = JSON.parse(params.ContentVariables!);
    expect(Object.keys(variables).sort()).toEqual(["clinician", "date_time", "first_name", "link"]);
    expect(variables).toMatchObject({
      first_name: "Marguerite",
      clinician: "Dr. Test",
      link: "https://portal.clinic.example/appointments",
    });
  });

  it("without a template outside production, sends the body (the Twilio sandbox)", async () => {
    const params = await whatsAppConfirmation();
    expect(params.ContentSid).toBeUndefined();
    expect(params.Body).toContain("Marguerite");
  });
});
