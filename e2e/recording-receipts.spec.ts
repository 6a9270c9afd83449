import { expect, test } from "@playwright/test";
import { formatAdminTime } from "@/lib/admin/time";
import { formatDateTime, formatDay, formatTime } from "@/lib/format";
import { receiptAuth, receiptPeople, receiptRoomSid, receiptTimes } from "./support/receipt-fixtures";

const zone = "Europe/London";
const times = receiptTimes();
const time = (moment: Date) => formatTime(moment, zone);

test.describe("the patient", () => {
  test.use({ storageState: receiptAuth });

  test("sees each visit's recording receipt on /appointments: when, on whose consent, what stopped it, the deletion", async ({
    page,
  }) => {
    await page.goto("/appointments");
    const receipts = page.getByTestId("visit-receipt");
    await expect(receipts).toHaveCount(2);

    const recorded = receipts.filter({ hasText: "Recorded from" });
    await expect(recorded.getByTestId("recorded-interval")).toHaveText([
      `Recorded from ${time(times.recordingOn)} to ${time(times.companionJoined)}: stopped when ${receiptPeople.companion} (companion) joined without consenting.`,
      `Recorded from ${time(times.resumed)} to ${time(times.withdrew)}: you withdrew consent.`,
    ]);
    await expect(recorded.getByTestId("receipt-consent")).toHaveText(
      `On your consent given on ${formatDay(times.consentGiven, zone)} (consent text recording-2026-01) and the consent of Dr. Nia Okafor, ${receiptPeople.companion} (companion).`,
    );
    await expect(recorded.getByTestId("receipt-deletion")).toHaveText(
      `The recording was deleted on ${formatDateTime(times.deleted, zone)} because you withdrew consent.`,
    );
    // Transcription is consented apart, and this visit never had it.
    await expect(recorded.getByTestId("not-transcribed")).toHaveText("Not transcribed.");
    // Guests' names only: no room identities, recording ids or anything else of anyone.
    await expect(recorded).not.toContainText("guest-");
    await expect(recorded).not.toContainText(receiptRoomSid);

    await expect(receipts.filter({ hasNotText: "Recorded from" })).toHaveText(
      /Not recorded: you chose not to record this visit\./,
    );
  });
});

test.describe("the admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("sees each participant's consent and every rule change of a session, from the video sessions list", async ({
    page,
  }) => {
    await page.goto(`/admin/video-sessions?patient=${encodeURIComponent(receiptPeople.rue.email)}`);
    const row = page.getByTestId("video-session-row").filter({ hasText: "consent withdrawn during the session" });
    await expect(row).toContainText("Recording stopped and deleted");
    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Video session: Rue Receipt with Dr. Nia Okafor");

    const participants = page.getByTestId("participant-row");
    await expect(participants).toHaveCount(3);
    await expect(participants.filter({ hasText: receiptPeople.companion })).toHaveText(
      [
        `companion${receiptPeople.companion}YesNot answered`,
        formatAdminTime(new Date(times.companionJoined.getTime() + 3 * 60_000), "UTC"),
        formatAdminTime(times.companionJoined, "UTC"),
        formatAdminTime(times.ended, "UTC"),
      ].join(""),
    );
    await expect(participants.filter({ hasText: "clinician" })).toContainText("Dr. Nia OkaforYesNot answered");

    await expect(page.getByTestId("rule-change-row")).toHaveText([
      `${formatAdminTime(times.recordingOn, "UTC")}On (include all)Offsession start—${receiptRoomSid}`,
      `${formatAdminTime(times.companionJoined, "UTC")}Off (exclude all)Offjoined${receiptPeople.companion} (companion)${receiptRoomSid}`,
      `${formatAdminTime(times.resumed, "UTC")}On (include all)Offclinician resumed—${receiptRoomSid}`,
      `${formatAdminTime(times.withdrew, "UTC")}Off (exclude all)Offpatient withdrew consent—${receiptRoomSid}`,
    ]);
    const csv = await page.request.get(
      `/admin/video-sessions/export?patient=${encodeURIComponent(receiptPeople.rue.email)}`,
    );
    expect(await csv.text()).toContain(
      `"clinician Dr. Nia Okafor: yes; patient Rue: yes; companion ${receiptPeople.companion}: yes"`,
    );
    await expect(page.getByTestId("recording-row")).toContainText(
      `${formatAdminTime(times.deleted, "UTC")}consent withdrawn`,
    );
  });
});
