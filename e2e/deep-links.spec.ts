import { expect, test } from "@playwright/test";
import { framePeople, frameVisits } from "./support/frame-fixtures";
import { signInHere } from "./support/inbox";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("the 15-minute reminder's link survives sign-in: signed out at /visit/<id>, the magic link lands there", async ({
  page,
}) => {
  const visit = `/visit/${frameVisits.rheaTomorrow}`;
  await page.goto(visit);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${escape(encodeURIComponent(visit))}$`));
  await expect(page.getByText("The link brings you back to the page you asked for.")).toBeVisible();

  const link = await signInHere(page, framePeople.rhea.email);
  expect(new URL(link).searchParams.get("callbackUrl")).toMatch(new RegExp(`^http://localhost:\\d+${escape(visit)}$`));
  await expect(page).toHaveURL(new RegExp(`${escape(visit)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Video visit with Dr. Nia Okafor");
  await expect(page.getByTestId("signed-in-as")).toContainText("Rhea Return");
});

test("a next that leaves the site (absolute or protocol-relative) is ignored: the link lands on the patient's home", async ({
  page,
}) => {
  for (const next of ["https://evil.example/steal", "//evil.example/steal", "/\\evil.example/steal"]) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.locator('input[name="next"]')).toHaveCount(0);
  }
  const link = await signInHere(page, framePeople.cal.email);
  expect(link).not.toContain("evil.example");
  await expect(page).toHaveURL(/\/appointments$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your appointments");
});
