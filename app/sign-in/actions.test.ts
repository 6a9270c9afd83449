// First: it stands in for Next's request scope (next/headers, after()) for everything imported below.
import { form, runAfterResponse } from "@/db/testing/request";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { withPeerAddress } from "@/lib/auth/request";
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

  it("refuses the 6th request from one IP with the wait, sends nothing for it, and shares the count with Auth.js's endpoint rules", async () => {
    const ada = await createPatient(db());
    for (let i = 0; i < 5; i++) expect((await submit(ada.email, "198.51.100.31")).ok).toBe(true);
    const sixth = await submit(ada.email, "198.51.100.31");
    expect(sixth).toEqual({
      ok: false,
      message: expect.stringMatching(/^Too many sign-in requests\. Please wait \d+ minutes? and try again\.$/),
    });
    expect(emailsTo(ada.email)).toHaveLength(5);
    // The client's X-Forwarded-For (the test's headers carry one) is not her address: another socket address is.
    expect(await submit(ada.email, "198.51.100.32")).toMatchObject({ ok: true, sent: true });
  });

  it("gives a field error for a malformed address and sends nothing", async () => {
    const state = await submit("not-an-email", "198.51.100.33");
    expect(state.fieldErrors?.email).toEqual(["Enter a valid email address."]);
    expect(fakes.resend.requests).toHaveLength(0);
  });
});
