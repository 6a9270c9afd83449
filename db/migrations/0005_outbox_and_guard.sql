CREATE TABLE "event_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "job_watermarks" (
	"name" text PRIMARY KEY NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_recordings" (
	"recording_sid" text PRIMARY KEY NOT NULL,
	"room_sid" text NOT NULL,
	"status" text NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "appointments_status_starts_idx";--> statement-breakpoint
ALTER TABLE "video_sessions" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "event_outbox_pending_idx" ON "event_outbox" USING btree ("next_attempt_at","created_at") WHERE "event_outbox"."published_at" is null;--> statement-breakpoint
CREATE INDEX "event_outbox_published_idx" ON "event_outbox" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "video_recordings_room_idx" ON "video_recordings" USING btree ("room_sid");--> statement-breakpoint
-- Rows left live twice by the old supersede-then-insert race: the newest stays live, as the pages already read it.
UPDATE "video_sessions" v SET "status" = 'superseded'
  WHERE v."status" in ('in-progress', 'local-preview')
    AND EXISTS (SELECT 1 FROM "video_sessions" w WHERE w."appointment_id" = v."appointment_id"
      AND w."status" in ('in-progress', 'local-preview') AND (w."created_at", w."id") > (v."created_at", v."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "video_sessions_live_idx" ON "video_sessions" USING btree ("appointment_id") WHERE "video_sessions"."status" in ('in-progress', 'local-preview');--> statement-breakpoint
CREATE INDEX "appointments_status_starts_idx" ON "appointments" USING btree ("status","starts_at","id","updated_at");