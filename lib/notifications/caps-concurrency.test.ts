import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notificationDeliveries } from "@/db/schema";
import { createAppointment, createClinician, createPatient, setUpFakes } from "@/testing/fixtures";
import { deliver } from "./gate";

// A cap of one text a day; texts at any hour so only the cap decides.
const fakes = setUpFakes({ NOTIFY_TEXT_CAPS: "us-healthcare-exemption" });

describe("frequency caps under concurrency (run with DATABASE_URL for PostgreSQL)", () => {
  it("eight texts decided at once for one patient: exactly one passes a cap of one, the rest record frequency_cap", async () => {
    const patient = await createPatient(db(), {
      timeZone: "America/New_York",
      phoneE164: "+12025550143",
      textMessages: true,
    });
    const clinician = await createClinician(db());
    const now = new Date("2026-06-10T15:00:00Z");
    const visits = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createAppointment(db(), {
          patientId: patient.id,
          clinicianId: clinician.id,
          startsAt: new Date(now.getTime() + (i + 2) * 86_400_000),
        }),
      ),
    );
    const outcomes = await Promise.all(
      visits.map((appointmentId) => deliver(db(), { appointmentId, kind: "confirmation", channel: "text", now })),
    );
    expect(outcomes.filter((o) => o.outcome === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "skipped" && o.reason === "frequency_cap")).toHaveLength(7);
    expect(fakes.twilio.requests).toHaveLength(1);
    const rows = await db()
      .select({ status: notificationDeliveries.status })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.patientId, patient.id));
    expect(rows.filter((row) => row.status === "sent")).toHaveLength(1);
  });
});
