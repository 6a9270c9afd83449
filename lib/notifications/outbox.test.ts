import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { devOutbox, patientProfiles, users } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { listOutbox } from "./outbox";

describe("the dev outbox", () => {
  let adaPhone: string;
  beforeAll(async () => {
    await seed(db());
    const [ada] = await db()
      .select({ phone: patientProfiles.phoneE164 })
      .from(patientProfiles)
      .innerJoin(users, eq(users.id, patientProfiles.userId))
      .where(eq(users.email, seedEmails.ada));
    adaPhone = ada!.phone!;
    await db()
      .insert(devOutbox)
      .values([
        { channel: "email", recipient: seedEmails.ada, subject: "Your video visit is booked", body: "Hi Ada, email" },
        { channel: "sms", recipient: adaPhone, body: "Hi Ada, SMS" },
        { channel: "whatsapp", recipient: adaPhone, body: "Hi Ada, WhatsApp" },
        { channel: "email", recipient: seedEmails.ben, subject: "Your appointment is cancelled", body: "Hi Ben" },
      ]);
  });

  it("finds a patient's messages on every channel from their email address, and nobody else's", async () => {
    const messages = await listOutbox(db(), { recipient: seedEmails.ada.toUpperCase() });
    expect(messages.map((m) => [m.channel, m.recipient, m.body]).sort()).toEqual([
      ["email", seedEmails.ada, "Hi Ada, email"],
      ["sms", adaPhone, "Hi Ada, SMS"],
      ["whatsapp", adaPhone, "Hi Ada, WhatsApp"],
    ]);
    expect(await listOutbox(db(), { recipient: adaPhone })).toHaveLength(2);
    expect((await listOutbox(db(), { recipient: seedEmails.ben })).map((m) => m.body)).toEqual(["Hi Ben"]);
    expect(await listOutbox(db())).toHaveLength(4);
  });
});
