import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { vi } from "vitest";
import type { Db } from "../client";
import { sessions, users } from "../schema";

// Server actions read the request through next/headers; tests give them a real database session cookie.
const request = vi.hoisted(() => ({ cookie: "", userAgent: "vitest" }));

vi.mock("next/headers", async () => {
  const { RequestCookies } = await import("next/dist/compiled/@edge-runtime/cookies");
  const current = () =>
    new Headers({
      host: "localhost:3000",
      "x-forwarded-proto": "http",
      "x-forwarded-for": "203.0.113.7",
      "user-agent": request.userAgent,
      cookie: request.cookie,
    });
  return {
    headers: async () => current(),
    cookies: async () => new RequestCookies(current()),
  };
});
// after() needs a Next request scope: here its tasks wait until the test says the response has gone (runAfterResponse).
const afterQueue = vi.hoisted(() => [] as (() => unknown)[]);
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: (() => unknown) | Promise<unknown>) => {
    afterQueue.push(typeof task === "function" ? task : () => task);
  },
}));

/** What Next runs once the response is sent: the tasks the last actions scheduled with after(), in order. */
export async function runAfterResponse(): Promise<void> {
  while (afterQueue.length > 0) await afterQueue.shift()!();
}

// revalidatePath needs a Next request scope; here it only has to be callable.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

/** Makes the next action calls come from `email`'s real database session (or from nobody). */
export async function actAs(db: Db, email: string | null): Promise<void> {
  afterQueue.length = 0; // a new caller: what an earlier test's response left undone is not theirs
  if (email === null) {
    request.cookie = "";
    return;
  }
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  const sessionToken = randomUUID();
  await db.insert(sessions).values({ sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) });
  // Both names: Auth.js uses the __Secure- one when AUTH_URL is https.
  request.cookie = `authjs.session-token=${sessionToken}; __Secure-authjs.session-token=${sessionToken}`;
}

/** Makes the next calls carry only this cookie (a visit guest's session: no portal account). */
export function withCookie(name: string, value: string): void {
  afterQueue.length = 0;
  request.cookie = `${name}=${value}`;
}

export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}
