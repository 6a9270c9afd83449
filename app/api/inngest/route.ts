import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";
import { env } from "@/lib/env";

type Handlers = ReturnType<typeof serve>;
type Context = { params: Promise<Record<string, never>> };
let handlers: Handlers | undefined;

/**
 * Inngest calls this endpoint to run functions; in production requests are signed with INNGEST_SIGNING_KEY. The URL
 * it registers is pinned to the configured origin, never taken from the request's Host (a forged Host must not
 * redirect a key-signed sync). Built on first use, so `next build` never needs the configuration.
 */
function inngestHandlers(): Handlers {
  handlers ??= serve({ client: inngest, functions, serveOrigin: env().inngestServeOrigin, servePath: "/api/inngest" });
  return handlers;
}

/**
 * In dev mode (no signing key: the demo, the Dev Server) calls are unsigned, so only what the Dev Server sends is
 * accepted: JSON, from no web page. A browser's cross-site POST carries an Origin (or Sec-Fetch-Site), and a form or
 * `text/plain` body is what a page can send without a preflight.
 */
function refusedInDevMode(request: NextRequest): Response | null {
  if (process.env.INNGEST_SIGNING_KEY) return null;
  const fromAPage =
    request.headers.has("origin") || ["cross-site", "same-site"].includes(request.headers.get("sec-fetch-site") ?? "");
  const type = request.headers.get("content-type") ?? "";
  if (fromAPage) return Response.json({ error: "Cross-origin calls to /api/inngest are refused." }, { status: 403 });
  // An empty body is no form: fetch and Go send "content-length: 0" on the Dev Server's bodiless sync PUT.
  const hasBody = Number(request.headers.get("content-length") ?? "0") > 0 || request.headers.has("transfer-encoding");
  if (request.method !== "GET" && hasBody && !type.startsWith("application/json")) {
    return Response.json({ error: "Only application/json is accepted." }, { status: 415 });
  }
  return null;
}

export const GET = (request: NextRequest, context: Context) =>
  refusedInDevMode(request) ?? inngestHandlers().GET(request, context);
export const POST = (request: NextRequest, context: Context) =>
  refusedInDevMode(request) ?? inngestHandlers().POST(request, context);
export const PUT = (request: NextRequest, context: Context) =>
  refusedInDevMode(request) ?? inngestHandlers().PUT(request, context);
