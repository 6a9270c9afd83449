import { expect, test } from "@playwright/test";
import { e2ePeople } from "./support/people";
import { people, signIn } from "./support/sign-in";

// Both change Rose's record (her consent, her history): one after the other.
test.describe.configure({ mode: "serial" });

test("a lapsed consent: the banner leads to the review, a wrong name is refused, agreeing restores it", async ({
  page,
}) => {
  await signIn(page, e2ePeople.consentReview);
  await page.goto("/appointments");
  const banner = page.getByRole("region", { name: "Consent review" });
  await expect(banner).toContainText("Your earlier consent has lapsed and counts as not given");
  await banner.getByRole("link", { name: "Review your consents" }).click();

  await expect(page).toHaveURL(/\/consents\/review$/);
  await expect(page.getByRole("region", { name: "Consent review" })).toHaveCount(0);
  await expect(page.getByTestId("recordingConsent-review-status")).toHaveText(
    "You agreed to the recording consent text of 15 December 2025. It is replaced by the recording consent text of " +
      "1 January 2026, and your earlier consent lapsed on 1 January 2026: until you agree again it counts as not given.",
  );
  const review = page.getByRole("region", { name: "Recording of video visits" });
  await review.getByLabel("I have read the text above and I agree to it.").check();
  await review.getByLabel("Your full name (your signature)").fill("Ada Lovelace");
  await review.getByRole("button", { name: "Agree to the new text" }).click();
  await expect(page.locator("#recordingConsent-signedName-error")).toContainText("as it is on your record");
  await expect(review.getByLabel("Your full name (your signature)")).toHaveAttribute("aria-invalid", "true");

  await review.getByLabel("I have read the text above and I agree to it.").check();
  await review.getByLabel("Your full name (your signature)").fill("rose  REVIEW");
  await review.getByRole("button", { name: "Agree to the new text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing to review" })).toBeVisible();

  await page.goto("/settings");
  await expect(page.getByRole("region", { name: "Consent review" })).toHaveCount(0);
  await expect(page.getByTestId("recordingConsent-status")).toContainText(
    "to the recording consent text of 1 January 2026",
  );
  await expect(page.getByTestId("history-row").first()).toContainText(/Recording consent.*Given → Given/);
});

test.describe("my data", () => {
  test("the printable record and the FHIR download are the patient's own, and each is in the history", async ({
    page,
  }) => {
    await signIn(page, e2ePeople.consentReview);
    await page.goto("/settings");
    await page.getByRole("link", { name: "View my record (printable)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My record: Rose Review");
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Consents and the texts you agreed to" })).toBeVisible();

    const download = page.waitForEvent("download");
    await page.goto("/settings");
    await page.getByRole("link", { name: "Download my record (FHIR R4 JSON)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^my-record-\d{4}-\d\d-\d\d\.json$/);
    const response = await page.request.get("/api/my-data/fhir");
    const bundle = await response.json();
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const patient = bundle.entry[0].resource;
    expect(patient).toMatchObject({ resourceType: "Patient", name: [{ family: "Review", given: ["Rose"] }] });
    expect(JSON.stringify(bundle)).not.toContain(people.ada);

    await page.goto("/settings");
    await expect(page.getByTestId("history-row").filter({ hasText: "Record downloaded" }).first()).toBeVisible();
  });
});
