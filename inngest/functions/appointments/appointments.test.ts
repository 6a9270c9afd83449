import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { actAs, form } from "@/db/testing/request";
import { users } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { bookAppointmentAction } from "@/app/schedule/actions/book-appointment";
import { receivedEvents, startInngestFake } from "@/testing/fakes/inngest-fake";
import { startResendFake } from "@/testing/fakes/resend-fake";
import { inngest } from "../../client";
import { sendAppointmentMessage } from "./send-message";
import { sweepAppointmentMessages } from "./sweep";

let events: Awaited<ReturnType<typeof startInngestFake>>;
let resend: Awaited<ReturnType<typeof startResendFake>>;

beforeAll(async () => {
  await seed(db());
  [events, resend] = await Promise.all([startInngestFake(), startResendFake()]);
  vi.stubEnv("INNGEST_BASE_URL", events.url);
  vi.stubEnv("INNGEST_EVENT_KEY", "test-key");
  vi.stubEnv("RESEND_API_KEY", "re_test");
  vi.stubEnv("RESEND_BASE_URL", resend.url);
  inngest.setEnvVars();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([events.close(), resend.close()]);
});

describe("appointment messages", () => {
  it("a booking made while the event API is down is re-found by the sweep once, then confirmed once", async () => {
    const [ben] = await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.ben));
    await actAs(db(), seedEmails.grey);
    events.setOutage({ status: 503, body: { error: "unavailable" } });
    const day = new Date(Date.now() + 5 * 24 * 3600_000).toISOString().slice(0, 10);
    expect((await bookAppointmentAction({}, form({ patientId: ben!.id, startsAt: `${day}T10:00`, durationMinutes: "30", modality: "in_person" }))).ok).toBe(true);
    events.setOutage(null);
    events.requests.length = 0;

    // Ten minutes later the sweep runs: the booking has no confirmation record yet.
    vi.useFakeTimers({ now: Date.now() + 10 * 60_000, toFake: ["Date"] });
    const { result } = await new InngestTestEngine({ function: sweepAppointmentMessages }).execute();
    vi.useRealTimers();
    expect(result).toEqual({ reEmitted: 1 });
    const [reEmitted] = receivedEvents(events.requests);
    expect(reEmitted).toMatchObject({ name: "portal/appointment.booked", id: `appointment-booked-${reEmitted!.data.appointmentId}` });

    const { result: sent } = await new InngestTestEngine({ function: sendAppointmentMessage, events: [reEmitted!] }).execute();
    expect(sent).toEqual({ kind: "confirmation", email: "sent", text: "skipped:texts_disabled" });
    expect((resend.requests[0]?.parsed as { to: string; subject: string })).toMatchObject({ to: "ben@patients.example", subject: "Your appointment is booked" });

    vi.useFakeTimers({ now: Date.now() + 10 * 60_000, toFake: ["Date"] });
    const again = await new InngestTestEngine({ function: sweepAppointmentMessages }).execute();
    vi.useRealTimers();
    expect(again.result).toEqual({ reEmitted: 0 });
  });
});
