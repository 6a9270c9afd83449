import { expect, test as setup } from "@playwright/test";
import { people, signIn } from "./support/sign-in";

// Each role signs in once through the magic link; the other specs reuse the stored session cookies.
const homes = [
  { role: "patient", email: people.ben, path: "/appointments", heading: "Your appointments" },
  { role: "clinician", email: people.grey, path: "/schedule", heading: "Your schedule" },
  { role: "admin", email: people.admin, path: "/admin", heading: "Clinic administration" },
] as const;

for (const home of homes) {
  setup(`${home.role} signs in with a magic link and lands on their home`, async ({ page }) => {
    await signIn(page, home.email);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(home.heading);
    await page.context().storageState({ path: `e2e/.auth/${home.role}.json` });
  });
}
