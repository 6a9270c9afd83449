import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notificationDeliveries } from "@/db/schema";
import { seed, seedEmails } from "@/db/seed";
import { listAccessLog } from "@/lib/access/queries";
import { listAppointmentChanges } from "@/lib/appointments/admin-queries";
import { listDeliveries } from "@/lib/notifications/queries";
import { listLedger } from "@/lib/patients/ledger-queries";
import { listProgressSharing } from "@/lib/progress/queries";
import { listVideoSessions } from "@/lib/video/admin-queries";
import { asStaff } from "@/testing/access";
import { seedAdminListRows, seededIds } from "@/testing/access-data";
import { toCsv } from "./csv";
import { parseListParams, queryOf } from "./list";

let ids: Awaited<ReturnType<typeof seededIds>>;
beforeAll(async () => {
  await seed(db());
  ids = await seededIds(db());
  await seedAdminListRows(db(), ids);
});

const asAdmin = <T>(fn: () => Promise<T>) => asStaff(db(), seedEmails.admin, fn);
type Lister = (params: ReturnType<typeof parseListParams>) => Promise<{ rows: { patientId: string }[]; total: number }>;
const lists: [string, Lister][] = [
  ["deliveries", (p) => listDeliveries(db(), p)],
  ["consent ledger", (p) => listLedger(db(), p)],
  ["progress sharing", (p) => listProgressSharing(db(), p)],
  ["video sessions", (p) => listVideoSessions(db(), p)],
  ["appointment changes", (p) => listAppointmentChanges(db(), p)],
  ["access log", (p) => listAccessLog(db(), p)],
];

describe("admin list search", () => {
  it.each(lists)("%s: 'ada', 'ADA love' and part of her email find Ada and only Ada", async (name, list) => {
    // The access log needs a row about Ada first: any staff read writes one.
    await asAdmin(() => listDeliveries(db(), parseListParams({})));
    for (const patient of ["ada", "ADA love", "da@patients"]) {
      const page = await asAdmin(() => list(parseListParams({ patient })));
      expect(page.rows.length, `${name} ${patient}`).toBeGreaterThan(0);
      expect(page.rows.every((row) => row.patientId === ids.ada)).toBe(true);
    }
    // LIKE's wildcards are matched literally.
    expect((await asAdmin(() => list(parseListParams({ patient: "%" })))).total).toBe(0);
  });

  it("pages 50 at a time, newest first, with the total, and filters by day in the admin's zone", async () => {
    const base = Date.parse("2030-03-10T12:00:00Z");
    await db()
      .insert(notificationDeliveries)
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          deliveryKey: `paging:${i}`,
          patientId: ids.ben,
          kind: "reminder_24h" as const,
          channel: "email" as const,
          status: "skipped" as const,
          reason: "email_disabled" as const,
          createdAt: new Date(base - i * 3_600_000),
        })),
      );
    const filter = { patient: "ben", status: "skipped", from: "2030-03-01", to: "2030-03-10" };
    const pages = await asAdmin(() =>
      Promise.all(
        [1, 2, 3].map((page) => listDeliveries(db(), { ...parseListParams({ ...filter, page }), status: "skipped" })),
      ),
    );
    expect(pages.map((page) => [page.rows.length, page.total, page.pages])).toEqual([
      [50, 120, 3],
      [50, 120, 3],
      [20, 120, 3],
    ]);
    const times = pages.flatMap((page) => page.rows.map((row) => row.createdAt.getTime()));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // 2030-03-10 in Auckland (UTC+13) ends at 11:00 UTC: the rows of 11:00 and 12:00 UTC fall on the 11th there.
    const auckland = await asAdmin(() =>
      listDeliveries(db(), { ...parseListParams({ ...filter, zone: "Pacific/Auckland" }), status: "skipped" }),
    );
    expect(auckland.total).toBe(118);
  });
});

describe("admin list CSV", () => {
  it("keeps the header bare, quotes every data cell and makes a would-be formula plain text", () => {
    const csv = toCsv(
      ["a", "b"],
      [
        ["=1+1", "+SUM(A1)"],
        ["-2", "@cmd"],
        ["\tTAB", 'say "hi"'],
        [null, new Date("2030-01-01T00:00:00Z")],
      ],
    );
    expect(csv.split("\r\n")).toEqual([
      "a,b",
      `"'=1+1","'+SUM(A1)"`,
      `"'-2","'@cmd"`,
      `"'\tTAB","say ""hi"""`,
      '"","2030-01-01T00:00:00.000Z"',
      "",
    ]);
  });

  it("keeps the filter in the export link, without the page", () => {
    const params = { ...parseListParams({ patient: "ada", page: "3", zone: "Europe/London" }), status: "sent" };
    expect(queryOf(params)).toBe("patient=ada&zone=Europe%2FLondon&status=sent");
    expect(queryOf(params, 2)).toBe("patient=ada&page=2&zone=Europe%2FLondon&status=sent");
  });
});
