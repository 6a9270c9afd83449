import { render } from "@react-email/components";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { messageKinds } from "../kinds";
import { messageContent, type MessageContext } from "./content";
import { MessageEmail } from "./message-email";
import { PATIENT_EMAIL_FOOTER, renderAppointmentEmail } from "./render";

const base: Omit<MessageContext, "kind"> = {
  firstName: "Ada",
  clinicianName: "Dr. Meredith Grey",
  startsAt: new Date("2026-11-24T14:30:00Z"),
  timeZone: "Europe/London",
  modality: "telehealth",
  portalUrl: "https://portal.example/appointments",
  visitUrl: "https://portal.example/visit/1",
  unsubscribeUrl: "https://portal.example/unsubscribe?token=t",
};

describe("renderAppointmentEmail", () => {
  it("gives the same plain text as React Email's own plain-text render, for every kind", async () => {
    for (const kind of messageKinds) {
      for (const modality of ["telehealth", "in_person"] as const) {
        const ctx = { ...base, kind, modality };
        const email = await renderAppointmentEmail(ctx);
        const element = createElement(MessageEmail, {
          greetingName: "Ada",
          content: messageContent(ctx),
          footer: PATIENT_EMAIL_FOOTER,
          unsubscribeUrl: ctx.unsubscribeUrl,
        });
        expect(email.text).toBe(await render(element, { plainText: true }));
        expect(email.text).toContain("Hi Ada,");
        expect(email.html).toMatch(/^<!DOCTYPE html/);
      }
    }
  });
});
