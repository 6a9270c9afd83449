import { expect, test, type Browser } from "@playwright/test";
import { frameAuth } from "./support/frame-fixtures";
import { partyAuth, partyVisits } from "./support/party-fixtures";

const media = { permissions: ["camera", "microphone"] };
const asPerson = async (browser: Browser, storageState: string) =>
  (await browser.newContext({ storageState, ...media })).newPage();

test("Tia stops transcription from the visit page: recording goes on, and both banners say so without a reload", async ({
  browser,
}) => {
  const okafor = await asPerson(browser, frameAuth("clinician"));
  await okafor.goto(`/sessions/${partyVisits.tiaNow}`);
  // Transcription is off unless the clinician asks for it.
  const transcribeBox = okafor.getByLabel("I consent to this visit being transcribed");
  await expect(transcribeBox).not.toBeChecked();
  await transcribeBox.check();
  await okafor.getByRole("button", { name: "Start session" }).click();
  await expect(okafor.getByRole("status").filter({ hasText: /^Recording$/ })).toBeVisible();
  const okaforSummary = okafor.getByTestId("consent-summary");
  await expect(okaforSummary).toHaveText("Recording on · Transcription on");

  const tia = await asPerson(browser, partyAuth("tia"));
  await tia.goto(`/visit/${partyVisits.tiaNow}`);
  // Her stored transcription consent is shown and asked about for this visit, as recording's is.
  const question = tia.getByRole("group", { name: /^You agreed to transcription on .* — transcribe this visit\?$/ });
  await expect(question.getByLabel("Yes")).toBeChecked();
  await tia.getByRole("button", { name: "Join video visit" }).click();
  const tiaSummary = tia.getByTestId("consent-summary");
  await expect(tiaSummary).toHaveText("Recording on · Transcription on");

  await tia.getByRole("button", { name: "Stop transcription" }).click();
  await expect(tia.getByTestId("recording-choice-result")).toHaveText("Transcription is stopped for this visit.");
  await expect(tiaSummary).toHaveText("Recording on · Transcription off");
  await expect(okaforSummary).toHaveText("Recording on · Transcription off");
  await expect(okafor.getByTestId("transcription-off-reason")).toHaveText(
    "Transcription is off: Tia has not consented.",
  );
  // Recording is a consent apart: it goes on.
  await expect(tia.getByTestId("recording-status")).toHaveText("This visit is being recorded, as you agreed.");
  await expect(okafor.getByRole("status").filter({ hasText: /^Recording$/ })).toBeVisible();

  // The clinician cannot turn it back on while she says no: the server refuses.
  await okafor.getByRole("button", { name: "Resume transcription" }).click();
  await expect(okafor.getByTestId("resume-transcription-result")).toHaveText(
    "Transcription is off: Tia has not consented.",
  );
  await expect(okaforSummary).toHaveText("Recording on · Transcription off");
  await Promise.all([okafor.context().close(), tia.context().close()]);
});
