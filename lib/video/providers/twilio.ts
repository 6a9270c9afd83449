import "server-only";
import { isSignedByTwilio } from "@/lib/twilio/webhooks";
import type { VideoProvider } from "../provider";
import {
  applyRecordingRules,
  applyTranscription,
  deleteRecording,
  roomIsGone,
  roomToken,
  statusCallbackUrl,
  videoClient,
  type VideoConfig,
} from "../twilio-video";

const ROOM_EXISTS = 53113;
const MAX_PARTICIPANTS = 4;

/** Twilio Programmable Video: group rooms with explicit recording rules and signed status callbacks. */
export function twilioProvider(config: VideoConfig): VideoProvider {
  const client = videoClient(config);
  return {
    mode: "twilio",
    async openRoom(roomName, recording) {
      try {
        const room = await client.video.v1.rooms.create({
          uniqueName: roomName,
          type: "group",
          recordParticipantsOnConnect: recording,
          statusCallback: statusCallbackUrl(),
          statusCallbackMethod: "POST",
          maxParticipants: MAX_PARTICIPANTS,
        });
        return { roomSid: room.sid };
      } catch (error) {
        if ((error as { code?: number }).code !== ROOM_EXISTS) throw error;
        // The room is already open (a rejoin): bring its recording in line with the decision made now.
        const room = await client.video.v1.rooms(roomName).fetch();
        await applyRecordingRules(config, room.sid, recording);
        return { roomSid: room.sid };
      }
    },
    token: (identity, roomName) => roomToken(config, identity, roomName),
    applyRecordingRules: (roomSid, recording) => applyRecordingRules(config, roomSid, recording),
    async endRoom(roomSid) {
      try {
        await client.video.v1.rooms(roomSid).update({ status: "completed" });
      } catch (error) {
        if (!roomIsGone(error)) throw error;
      }
    },
    applyTranscription: (roomSid, on) => applyTranscription(config, roomSid, on),
    async listRecordings(roomSid) {
      const recordings = await client.video.v1.recordings.list({ groupingSid: [roomSid], limit: 100 });
      return recordings.map((r) => ({ recordingSid: r.sid, status: r.status }));
    },
    deleteRecording: (recordingSid) => deleteRecording(config, recordingSid),
    verifyCallback: isSignedByTwilio,
  };
}
