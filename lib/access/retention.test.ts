import { InngestTestEngine } from "@inngest/test";
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accessLog, preferenceLedger } from "@/db/schema";
import { seed } from "@/db/seed";
import { pruneAuditRecordsFn } from "@/inngest/functions/access/prune-audit";
import { seededIds } from "@/testing/access-data";

let ids: Awaited<ReturnType<typeof seededIds>>;
beforeAll(async () => {
  await seed(db());
  ids = await seededIds(db());
});

// Six years back from the database's own clock, give or take a minute: the boundary the prune must respect.
const sixYears = (minutes: number) => sql`now() - interval '6 years' + make_interval(mins => ${minutes})`;

async function accessRowAt(minutes: number): Promise<number> {
  const [row] = await db()
    .insert(accessLog)
    .values({
      actorId: ids.grey,
      actorRole: "clinician",
      patientId: ids.ada,
      what: "schedule",
      createdAt: sixYears(minutes),
    })
    .returning({ id: accessLog.id });
  return row!.id;
}

async function ledgerRowAt(minutes: number, field: string): Promise<number> {
  const [row] = await db()
    .insert(preferenceLedger)
    .values({ patientId: ids.ben, actorKind: "patient", field, newValue: "x", createdAt: sixYears(minutes) })
    .returning({ id: preferenceLedger.id });
  return row!.id;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "allowed",
    (error: Error) => error.message,
  );

describe("the audit tables are append-only", () => {
  it("refuses any update and any delete outside the retention prune", async () => {
    const id = await accessRowAt(60);
    expect(await refusal(db().update(accessLog).set({ what: "deliveries" }).where(eq(accessLog.id, id)))).not.toBe(
      "allowed",
    );
    expect(await refusal(db().delete(accessLog).where(eq(accessLog.id, id)))).not.toBe("allowed");
    const ledgerId = await ledgerRowAt(0, "emailNotifications");
    expect(
      await refusal(db().update(preferenceLedger).set({ newValue: "y" }).where(eq(preferenceLedger.id, ledgerId))),
    ).not.toBe("allowed");
    expect(await db().select().from(accessLog).where(eq(accessLog.id, id))).toHaveLength(1);
  });

  it("refuses even the prune's own flag for a row younger than six years", async () => {
    const id = await accessRowAt(1);
    const attempt = db().transaction(async (tx) => {
      await tx.execute(sql`select set_config('portal.retention_prune', 'on', true)`);
      await tx.delete(accessLog).where(eq(accessLog.id, id));
    });
    expect(await refusal(attempt)).not.toBe("allowed");
  });
});

describe("the daily retention prune", () => {
  it("deletes rows just past six years and keeps rows just inside them", async () => {
    const old = await accessRowAt(-1);
    const young = await accessRowAt(1);
    // Ledger: an old row a newer one supersedes goes; an old latest row stays (it is the current setting's evidence).
    const superseded = await ledgerRowAt(-2, "textChannel");
    const latestOld = await ledgerRowAt(-1, "textChannel");
    const onlyOld = await ledgerRowAt(-1, "whatsappOptIn");
    const youngSuperseded = await ledgerRowAt(1, "appointmentReminders");
    await ledgerRowAt(2, "appointmentReminders");

    const { result } = await new InngestTestEngine({ function: pruneAuditRecordsFn }).execute();
    expect(result).toMatchObject({ accessLog: 1, ledger: 1 });
    const accessLeft = await db()
      .select({ id: accessLog.id })
      .from(accessLog)
      .where(inArray(accessLog.id, [old, young]));
    expect(accessLeft.map((row) => row.id)).toEqual([young]);
    const ledgerLeft = await db()
      .select({ id: preferenceLedger.id })
      .from(preferenceLedger)
      .where(inArray(preferenceLedger.id, [superseded, latestOld, onlyOld, youngSuperseded]));
    expect(ledgerLeft.map((row) => row.id).sort((a, b) => a - b)).toEqual([latestOld, onlyOld, youngSuperseded]);

    const again = await new InngestTestEngine({ function: pruneAuditRecordsFn }).execute();
    expect(again.result).toMatchObject({ accessLog: 0, ledger: 0 });
  });
});
