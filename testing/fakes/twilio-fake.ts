import twilio from "twilio";
import { startHttpFake, type FakeOptions, type RecordedRequest } from "./http-fake";

let counter = 0;
const sid = (prefix: string) => `${prefix}${(++counter).toString(16).padStart(32, "0")}`;

type Transcription = { ttid: string; room_sid: string; status: "started" | "stopped" };

type Room = {
  sid: string;
  unique_name: string;
  status: string;
  type: string;
  record_participants_on_connect: boolean;
  max_participants: number;
};

/**
 * Twilio's REST API on loopback, reached through lib/twilio's redirecting httpClient (TWILIO_API_BASE_URL).
 * Paths keep the product: /api/2010-04-01/Accounts/{sid}/Messages.json, /video/v1/Rooms, …
 * Rooms are kept, so a second create of the same unique name answers 53113 as Twilio does; a completed room refuses
 * recording rules with 53118; a room can be ended (Status=completed); a recording can be deleted once, then it answers
 * 404 (20404). A room's real-time transcriptions are kept with their status (started or stopped): created, listed, and
 * started or stopped by update.
 */
export async function startTwilioFake(options: FakeOptions & { authToken?: string } = {}) {
  const authToken = options.authToken ?? "twilio-token";
  const rooms = new Map<string, Room>();
  /** Each message accepted: where it went and the StatusCallback it asked for, so the fake can report on it. */
  const messages = new Map<string, { to: string; statusCallback?: string }>();
  const deletedRecordings = new Set<string>();
  /** Each room's transcriptions by ttid, with their status as last set. */
  const transcriptions = new Map<string, Map<string, Transcription>>();
  const notFound = { status: 404, body: { code: 20404, message: "The requested resource was not found", status: 404 } };
  const fake = await startHttpFake((request: RecordedRequest) => {
    const form = (request.parsed ?? {}) as Record<string, string>;
    const path = request.path.split("?")[0]!;
    if (request.method === "POST" && /^\/api\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(path)) {
      const messageSid = sid("SM");
      messages.set(messageSid, { to: form.To ?? "", statusCallback: form.StatusCallback });
      return {
        status: 201,
        body: {
          sid: messageSid,
          status: "queued",
          to: form.To,
          from: form.From,
          body: form.Body ?? null,
          num_segments: "1",
        },
      };
    }
    if (request.method === "POST" && path === "/video/v1/Rooms") {
      const existing = [...rooms.values()].find(
        (room) => room.unique_name === form.UniqueName && room.status === "in-progress",
      );
      if (existing) return { status: 400, body: { code: 53113, message: "Room exists", status: 400 } };
      const room: Room = {
        sid: sid("RM"),
        unique_name: form.UniqueName ?? "",
        status: "in-progress",
        type: form.Type ?? "group",
        record_participants_on_connect: form.RecordParticipantsOnConnect === "true",
        max_participants: Number(form.MaxParticipants ?? 50),
      };
      rooms.set(room.sid, room);
      return { status: 201, body: room };
    }
    const roomMatch = /^\/video\/v1\/Rooms\/([^/]+)$/.exec(path);
    if (request.method === "GET" && roomMatch) {
      const key = decodeURIComponent(roomMatch[1]!);
      // By unique name, Twilio finds only the in-progress room: completed rooms free their name.
      const room =
        rooms.get(key) ?? [...rooms.values()].find((r) => r.unique_name === key && r.status === "in-progress");
      return room ? { status: 200, body: room } : notFound;
    }
    if (request.method === "POST" && roomMatch) {
      // Only "completed" can be set, as Twilio allows: the room ends for everyone in it.
      const room = rooms.get(decodeURIComponent(roomMatch[1]!));
      if (!room) return notFound;
      if (form.Status !== "completed")
        return { status: 400, body: { code: 20001, message: "Invalid status", status: 400 } };
      room.status = "completed";
      return { status: 200, body: room };
    }
    const rulesMatch = /^\/video\/v1\/Rooms\/([^/]+)\/RecordingRules$/.exec(path);
    if (request.method === "POST" && rulesMatch) {
      const room = rooms.get(decodeURIComponent(rulesMatch[1]!));
      if (!room) return notFound;
      if (room.status !== "in-progress")
        return { status: 400, body: { code: 53118, message: "Room completed", status: 400 } };
      return {
        status: 200,
        body: { room_sid: room.sid, rules: JSON.parse(form.Rules ?? "[]"), date_created: null, date_updated: null },
      };
    }
    const transcriptionsMatch = /^\/video\/v1\/Rooms\/([^/]+)\/Transcriptions(?:\/([^/]+))?$/.exec(path);
    if (transcriptionsMatch) return transcriptionRequest(request.method, transcriptionsMatch, form);
    const recordingMatch = /^\/video\/v1\/Recordings\/([^/]+)$/.exec(path);
    if (request.method === "DELETE" && recordingMatch) {
      const recordingSid = decodeURIComponent(recordingMatch[1]!);
      if (deletedRecordings.has(recordingSid)) return notFound;
      deletedRecordings.add(recordingSid);
      return { status: 204, body: null };
    }
    return notFound;
  }, options);
  /** A room's transcriptions: list, create (started), update one's status; a completed room refuses with 53118. */
  function transcriptionRequest(method: string, match: RegExpExecArray, form: Record<string, string>) {
    const room = rooms.get(decodeURIComponent(match[1]!));
    if (!room) return notFound;
    const ofRoom = transcriptions.get(room.sid) ?? new Map<string, Transcription>();
    transcriptions.set(room.sid, ofRoom);
    const ttid = match[2] ? decodeURIComponent(match[2]) : undefined;
    if (method === "GET" && !ttid)
      return {
        status: 200,
        body: { transcriptions: [...ofRoom.values()], meta: { key: "transcriptions", next_page_url: null } },
      };
    if (method !== "POST") return notFound;
    if (room.status !== "in-progress")
      return { status: 400, body: { code: 53118, message: "Room completed", status: 400 } };
    if (!ttid) {
      const created: Transcription = { ttid: sid("GT"), room_sid: room.sid, status: "started" };
      ofRoom.set(created.ttid, created);
      return { status: 201, body: created };
    }
    const existing = ofRoom.get(ttid);
    if (!existing) return notFound;
    if (form.Status === "started" || form.Status === "stopped") existing.status = form.Status;
    return { status: 200, body: existing };
  }
  /** Twilio's status callback for a message it accepted, signed with the auth token over the StatusCallback URL. */
  const statusCallback = (messageSid: string, status: string, extra: { errorCode?: string; token?: string } = {}) => {
    const message = messages.get(messageSid);
    if (!message?.statusCallback) throw new Error(`no message ${messageSid} with a StatusCallback`);
    const params: Record<string, string> = {
      MessageSid: messageSid,
      SmsSid: messageSid,
      MessageStatus: status,
      SmsStatus: status,
      To: message.to,
      AccountSid: "AC00000000000000000000000000000001",
      ...(extra.errorCode ? { ErrorCode: extra.errorCode } : {}),
    };
    const signature = twilio.getExpectedTwilioSignature(extra.token ?? authToken, message.statusCallback, params);
    return { url: message.statusCallback, params, signature };
  };
  return {
    ...fake,
    /** The ids of the messages accepted so far, oldest first. */
    messageSids: () => [...messages.keys()],
    /**
     * The signed status callback as a Request to `origin` (a test calls the route with it; the signature covers the
     * public URL the message named, as Twilio's does). `token` signs with another auth token: a forgery.
     */
    statusCallbackRequest(
      messageSid: string,
      status: string,
      extra: { errorCode?: string; token?: string; origin?: string } = {},
    ) {
      const { url, params, signature } = statusCallback(messageSid, status, extra);
      const target = new URL(new URL(url).pathname, extra.origin ?? "http://127.0.0.1:3000");
      return new Request(target, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
        body: new URLSearchParams(params).toString(),
      });
    },
    /** Posts the signed status callback to a running app at `origin`, as Twilio would. */
    async sendStatusCallback(origin: string, messageSid: string, status: string, extra: { errorCode?: string } = {}) {
      return fetch(this.statusCallbackRequest(messageSid, status, { ...extra, origin }));
    },
    /** Whether the room transcribes now, as the transcriptions sent to it left it. */
    transcribing: (roomSid: string) =>
      [...(transcriptions.get(roomSid)?.values() ?? [])].some((t) => t.status === "started"),
    /** The room ends (everyone left, or it timed out), as Twilio would end it. */
    completeRoom(roomSid: string) {
      const room = rooms.get(roomSid);
      if (!room) throw new Error(`no room ${roomSid}`);
      room.status = "completed";
    },
  };
}
