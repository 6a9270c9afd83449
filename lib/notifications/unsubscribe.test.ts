import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointments, patientProfiles, preferenceLedger, users } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import type { startResendFake } from "@/testing/fakes/resend-fake";
import { setUpFakes } from "@/testing/fixtures";
import { POST } from "@/app/api/unsubscribe/route";
import { deliver } from "./gate";
import { checkUnsubscribeToken, createUnsubscribeToken, unsubscribeFromEmail } from "./unsubscribe";

let benId = "";
const fakes = setUpFakes();
let resend: Awaited<ReturnType<typeof startResendFake>>;
const emailOn = async () =>
  (await db().select().from(patientProfiles).where(eq(patientProfiles.userId, benId)))[0]!.emailNotifications;
const resetEmail = () =>
  db().update(patientProfiles).set({ emailNotifications: true }).where(eq(patientProfiles.userId, benId));

beforeAll(async () => {
  await seed(db());
  benId = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.ben)))[0]!.id;
  resend = fakes.resend;
});

describe("one-click unsubscribe", () => {
  it("every appointment email carries RFC 8058 headers whose POST turns email off once, with a ledger row", async () => {
    const [visit] = await db()
      .select({ id: appointments.id })
      .from(appointments)
      // A scheduled one: a confirmation for the seed's past visit is rightly skipped as appointment_past.
      .where(and(eq(appointments.patientId, benId), eq(appointments.status, "scheduled")))
      .orderBy(appointments.startsAt)
      .limit(1);
    expect(await deliver(db(), { appointmentId: visit!.id, kind: "confirmation", channel: "email" })).toMatchObject({
      outcome: "sent",
    });
    const headers = (resend.requests[0]?.parsed as { headers: Record<string, string> }).headers;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = /^<(.+)>$/.exec(headers["List-Unsubscribe"]!)![1]!;
    expect(url).toMatch(/^https:\/\/portal\.clinic\.example\/api\/unsubscribe\?token=/);

    const oneClick = () => POST(new Request(url, { method: "POST", body: "List-Unsubscribe=One-Click" }));
    expect((await oneClick()).status).toBe(200);
    expect(await emailOn()).toBe(false);
    const [row] = await db().select().from(preferenceLedger).where(eq(preferenceLedger.actorKind, "unsubscribe_link"));
    expect(row).toMatchObject({
      patientId: benId,
      field: "emailNotifications",
      oldValue: "true",
      newValue: "false",
      actorId: null,
    });

    await resetEmail();
    expect((await oneClick()).status).toBe(410);
    expect(await emailOn()).toBe(true);
  });

  it("refuses a forged or expired token and changes nothing", async () => {
    const now = new Date();
    const genuine = createUnsubscribeToken(benId, now);
    const [payload] = genuine.split(".");
    expect(await unsubscribeFromEmail(db(), `${payload}.forged-signature`)).toBe("invalid");
    const otherPatient = Buffer.from(`someone-else.${Math.floor(now.getTime() / 1000)}`).toString("base64url");
    expect(await unsubscribeFromEmail(db(), `${otherPatient}.${genuine.split(".")[1]}`)).toBe("invalid");
    const old = createUnsubscribeToken(benId, new Date(now.getTime() - 61 * 24 * 3600_000));
    expect(await unsubscribeFromEmail(db(), old)).toBe("invalid");
    expect(
      (await POST(new Request("http://localhost/api/unsubscribe?token=nonsense", { method: "POST" }))).status,
    ).toBe(403);
    expect(await emailOn()).toBe(true);
  });

  it("refuses, with 403, a correctly signed token dated in the future or naming nobody, and changes nothing", async () => {
    const future = createUnsubscribeToken(benId, new Date(Date.now() + 10 * 365 * 24 * 3600_000));
    expect(await unsubscribeFromEmail(db(), future)).toBe("invalid");
    const unknown = createUnsubscribeToken("00000000-0000-4000-8000-000000000000");
    const answer = await POST(new Request(`http://localhost/api/unsubscribe?token=${unknown}`, { method: "POST" }));
    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual({ error: "This unsubscribe link is not valid or has expired." });
    expect(await emailOn()).toBe(true);
  });

  it("the page checks a link before offering its button, and the check changes nothing", async () => {
    // Ada: no unsubscribe of hers yet (Ben's earlier ones would count against a link issued the same second).
    const adaId = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails.ada)))[0]!.id;
    const link = createUnsubscribeToken(adaId);
    expect(await checkUnsubscribeToken(db(), link)).toBe("valid");
    expect(await checkUnsubscribeToken(db(), link)).toBe("valid");
    const adaEmailOn = async () =>
      (await db().select().from(patientProfiles).where(eq(patientProfiles.userId, adaId)))[0]!.emailNotifications;
    expect(await adaEmailOn()).toBe(true);
    expect(await checkUnsubscribeToken(db(), "nonsense")).toBe("invalid");
    expect(await checkUnsubscribeToken(db(), createUnsubscribeToken("00000000-0000-4000-8000-000000000000"))).toBe(
      "invalid",
    );
    expect(await unsubscribeFromEmail(db(), link)).toBe("unsubscribed");
    expect(await checkUnsubscribeToken(db(), link)).toBe("already_used");
    expect(await adaEmailOn()).toBe(false);
  });
});
