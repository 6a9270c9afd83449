CREATE TABLE "video_session_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"room_sid" text NOT NULL,
	"event" text NOT NULL,
	"recording_sid" text,
	"participant_identity" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "video_sessions" ADD COLUMN "guard_action" text;--> statement-breakpoint
CREATE INDEX "video_session_events_room_idx" ON "video_session_events" USING btree ("room_sid","created_at");--> statement-breakpoint
CREATE INDEX "video_sessions_room_idx" ON "video_sessions" USING btree ("room_sid");