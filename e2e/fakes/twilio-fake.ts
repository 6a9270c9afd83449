import { startHttpFake, type RecordedRequest } from "./http-fake";

let counter = 0;
const sid = (prefix: string) => `${prefix}${(++counter).toString(16).padStart(32, "0")}`;

/**
 * Twilio's REST API on loopback, reached through lib/twilio's redirecting httpClient (TWILIO_API_BASE_URL).
 * Paths keep the product: /api/2010-04-01/Accounts/{sid}/Messages.json, /video/v1/Rooms, …
 */
export function startTwilioFake() {
  return startHttpFake((request: RecordedRequest) => {
    const form = (request.parsed ?? {}) as Record<string, string>;
    if (request.method === "POST" && /^\/api\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(request.path)) {
      return {
        status: 201,
        body: { sid: sid("SM"), status: "queued", to: form.To, from: form.From, body: form.Body ?? null, num_segments: "1" },
      };
    }
    if (request.method === "POST" && request.path === "/video/v1/Rooms") {
      return {
        status: 201,
        body: {
          sid: sid("RM"),
          unique_name: form.UniqueName,
          status: "in-progress",
          type: form.Type ?? "group",
          record_participants_on_connect: form.RecordParticipantsOnConnect === "true",
          max_participants: Number(form.MaxParticipants ?? 50),
        },
      };
    }
    return { status: 404, body: { code: 20404, message: "The requested resource was not found", status: 404 } };
  });
}
