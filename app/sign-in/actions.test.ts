// First: it stands in for Next's request scope (next/headers, after()) for everything imported below.
import { form, runAfterResponse } from "@/db/testing/request";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { withPeerAddress } from "@/lib/auth/request";
import { authCaller, requestLinkFromAuthJs } from "@/testing/auth-endpoint";
import { createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";
import { requestSignInLinkAction } from "./actions";

// The sign-in form's server action: the same rules as Auth.js's endpoint, because it goes through Auth.js.
const fakes = setUpFakes();
beforeEach(() => resetFakes(fakes));

async function submit(email: string, peer: string) {
  const state = await withPeerAddress(peer, () => requestSignInLinkAction({}, form({ email })));
  await runAfterResponse();
  return state;
}
const emailsTo = (address: string) =>
  fakes.resend.requests.filter((r) => (r.parsed as { to?: unknown } | undefined)?.to === address);

describe("the sign-in form", () => {
  it("answers an unknown address exactly as a known one and emails only the known one", async () => {
    const ada = await createPatient(db());
    const known = await submit(ada.email.toUpperCase(), "198.51.100.30");
    const unknown = await submit(`nobody-${ada.email}`, "198.51.100.30");
    expect(known).toEqual({
      ok: true,
      sent: true,
      message: "Check your email: if this address belongs to an account, a sign-in link is on its way.",
    });
    expect(unknown).toEqual(known);
    expect(emailsTo(ada.email)).toHaveLength(1);
    expect((emailsTo(ada.email)[0]?.parsed as { text: string }).text).toContain("/api/auth/callback/resend?");
    expect(fakes.resend.requests).toHaveLength(1);
  });

  it("refuses the 6th request from one socket address, whatever X-Forwarded-For says, with the wait, and sends nothing for it", async () => {
    const ada = await createPatient(db());
    for (let i = 0; i < 5; i++) expect((await submit(ada.email, "198.51.100.31")).ok).toBe(true);
    const sixth = await submit(ada.email, "198.51.100.31");
    expect(sixth).toEqual({
      ok: false,
      message: expect.stringMatching(/^Too many sign-in requests\. Please wait \d+ minutes? and try again\.$/),
      // The typed address comes back, so the form (also without JavaScript) still shows it.
      values: { email: ada.email },
    });
    expect(emailsTo(ada.email)).toHaveLength(5);
    // The client's X-Forwarded-For (the test's headers carry one) is not her address: another socket address is.
    expect(await submit(ada.email, "198.51.100.32")).toMatchObject({ ok: true, sent: true });
  });

  it("shares one count with Auth.js's own endpoint: 3 links by the form and 2 by the endpoint, then neither sends", async () => {
    const ada = await createPatient(db());
    const script = await authCaller("198.51.100.34");
    for (let i = 0; i < 3; i++) expect((await submit(ada.email, "198.51.100.34")).ok).toBe(true);
    for (let i = 0; i < 2; i++) {
      expect((await requestLinkFromAuthJs(script, ada.email)).location).toMatch(/\/api\/auth\/verify-request\?/);
    }
    expect(await submit(ada.email, "198.51.100.34")).toMatchObject({ ok: false });
    expect((await requestLinkFromAuthJs(script, ada.email)).location).toMatch(/\/sign-in\?error=RateLimited&/);
    expect(emailsTo(ada.email)).toHaveLength(5);
  });

  it("gives a field error for a malformed address and sends nothing", async () => {
    const state = await submit("not-an-email", "198.51.100.33");
    expect(state.fieldErrors?.email).toEqual(["Enter a valid email address."]);
    expect(fakes.resend.requests).toHaveLength(0);
  });
});
