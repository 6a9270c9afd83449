// First: it stands in for Next's request scope (next/headers, after()) for everything imported below.
import "@/db/testing/request";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import {
  AUTH_ORIGIN as origin,
  authCaller as caller,
  followLink,
  requestLinkFromAuthJs as requestLink,
} from "@/testing/auth-endpoint";
import { captureOutput } from "@/testing/capture-output";
import { createPatient, resetFakes, setUpFakes } from "@/testing/fixtures";

// Auth.js's own endpoint, called as an attacker would, through the real route handler, database and Resend SDK
// (to a loopback fake). Each caller has its own socket address, as each machine would.
const fakes = setUpFakes();

beforeEach(() => resetFakes(fakes));
// Back to no trusted proxy (what setUpFakes stubbed stays).
afterEach(() => vi.stubEnv("TRUST_PROXY_HOPS", "0"));

const emailsTo = (address: string) =>
  fakes.resend.requests.filter((r) => (r.parsed as { to?: unknown } | undefined)?.to === address);
const sentAnswer = { status: 302, location: `${origin}/api/auth/verify-request?provider=resend&type=email` };
const refused = expect.stringMatching(/^https:\/\/portal\.clinic\.example\/sign-in\?error=RateLimited&retryAfter=\d+$/);

describe("Auth.js's sign-in endpoint", () => {
  it("answers an unknown address exactly as a known one, and emails and stores nothing for it", async () => {
    const ada = await createPatient(db());
    const stranger = `nobody-${ada.email}`;
    const browser = await caller("198.51.100.10");

    const known = await requestLink(browser, ada.email);
    const unknown = await requestLink(browser, stranger);
    expect(known).toMatchObject(sentAnswer);
    expect(unknown).toEqual(known);

    expect(emailsTo(ada.email)).toHaveLength(1);
    expect(emailsTo(stranger)).toHaveLength(0);
    expect(fakes.resend.requests).toHaveLength(1);
    const tokens = await db().select().from(verificationTokens).where(eq(verificationTokens.identifier, stranger));
    expect(tokens).toHaveLength(0);
  });

  it("sends 5 links for one address from one IP and nothing for the 6th, known or not, on either path", async () => {
    const ada = await createPatient(db());
    const stranger = `nobody-${ada.email}`;
    const browser = await caller("198.51.100.11");
    for (let i = 0; i < 5; i++) {
      expect(await requestLink(browser, ada.email)).toMatchObject(sentAnswer);
      expect(await requestLink(browser, stranger)).toMatchObject(sentAnswer);
    }
    const sixth = await requestLink(browser, ada.email);
    expect(sixth).toMatchObject({ status: 302, location: refused });
    expect(emailsTo(ada.email)).toHaveLength(5);
    // A refusal says nothing about the address either.
    expect(await requestLink(browser, stranger)).toEqual(sixth);
  });

  it("with no trusted proxy, rotating X-Forwarded-For is still the one socket address (55 requests, 50 allowed)", async () => {
    const attacker = await caller("203.0.113.50");
    const answers = [];
    for (let i = 0; i < 55; i++) {
      // A new address each time, so only the per-IP limit can refuse.
      const forwarded = `10.${i}.0.1, 192.0.2.${i}`;
      answers.push((await requestLink(attacker, `probe-${i}@patients.example`, forwarded)).location);
    }
    expect(answers.slice(0, 50)).toEqual(Array(50).fill(sentAnswer.location));
    expect(answers.slice(50)).toEqual(Array(5).fill(refused));
    // Another machine is not affected.
    const neighbour = await caller("203.0.113.51");
    expect(await requestLink(neighbour, "probe-0@patients.example")).toMatchObject(sentAnswer);
  });

  it("behind one trusted proxy, the client is the proxy's own (rightmost) X-Forwarded-For entry", async () => {
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    const ada = await createPatient(db());
    const proxy = await caller("10.0.0.2");
    for (let i = 0; i < 5; i++) {
      // The client claims a new address each time; the proxy appends the one it saw.
      expect(await requestLink(proxy, ada.email, `192.0.2.${i}, 198.51.100.12`)).toMatchObject(sentAnswer);
    }
    expect(await requestLink(proxy, ada.email, "192.0.2.99, 198.51.100.12")).toMatchObject({ location: refused });
    // Ada on another network, through the same proxy, is someone else.
    expect(await requestLink(proxy, ada.email, "198.51.100.13")).toMatchObject(sentAnswer);
    expect(emailsTo(ada.email)).toHaveLength(6);
  });

  it("a stranger spending requests for Ada does not stop Ada; many strangers together are capped at 20 links", async () => {
    const ada = await createPatient(db());
    const stranger = await caller("203.0.113.60");
    const strangerAnswers = [];
    for (let i = 0; i < 10; i++) strangerAnswers.push((await requestLink(stranger, ada.email)).location);
    expect(strangerAnswers.filter((location) => location === sentAnswer.location)).toHaveLength(5);

    const adaAtHome = await caller("198.51.100.14");
    expect(await requestLink(adaAtHome, ada.email)).toMatchObject(sentAnswer);
    expect(emailsTo(ada.email)).toHaveLength(6);

    // A flood from many machines: 14 more links reach the per-address ceiling of 20, then nothing more is sent.
    for (let i = 0; i < 20; i++) await requestLink(await caller(`203.0.113.${70 + i}`), ada.email);
    expect(emailsTo(ada.email)).toHaveLength(20);
    expect(await requestLink(adaAtHome, ada.email)).toMatchObject({ location: refused });
  });

  it("a link signs in once; using it again is refused and logged by Auth.js's error type", async () => {
    const ada = await createPatient(db());
    await requestLink(await caller("198.51.100.15"), ada.email);
    const text = (emailsTo(ada.email)[0]?.parsed as { text: string }).text;
    const link = /https:\/\/\S+\/api\/auth\/callback\/resend\?\S+/.exec(text)![0];
    const follow = () => followLink(link, "198.51.100.15");

    const first = await follow();
    expect(first.headers.get("location")).toBe(`${origin}/`);
    expect(first.headers.getSetCookie().some((c) => c.startsWith("__Secure-authjs.session-token="))).toBe(true);

    const { result: again, output } = await captureOutput(follow);
    expect(again.headers.get("location")).toBe(`${origin}/sign-in?error=Verification`);
    expect(output).toContain('"code":"Verification"');
    expect(output).toContain('"msg":"Auth.js: Verification"');
    expect(output).not.toContain(ada.email);
  });
});
