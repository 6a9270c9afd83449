CREATE TABLE "video_guest_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"role" text NOT NULL,
	"channel" text NOT NULL,
	"token_hash" text NOT NULL,
	"session_hash" text,
	"participant_id" uuid,
	"used_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "video_guest_invites_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "video_guest_invites_session_hash_unique" UNIQUE("session_hash")
);
--> statement-breakpoint
CREATE TABLE "video_local_rooms" (
	"room_sid" text PRIMARY KEY NOT NULL,
	"room_name" text NOT NULL,
	"recording" boolean NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"role" text NOT NULL,
	"identity" text NOT NULL,
	"user_id" text,
	"display_name" text NOT NULL,
	"recording_consent" boolean,
	"answered_at" timestamp with time zone,
	"present" boolean DEFAULT false NOT NULL,
	"joined_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"region" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_rule_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"appointment_id" uuid NOT NULL,
	"room_sid" text,
	"recording" boolean NOT NULL,
	"cause" text NOT NULL,
	"participant_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "video_guest_invites" ADD CONSTRAINT "video_guest_invites_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_guest_invites" ADD CONSTRAINT "video_guest_invites_participant_id_video_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."video_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_guest_invites" ADD CONSTRAINT "video_guest_invites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_participants" ADD CONSTRAINT "video_participants_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_participants" ADD CONSTRAINT "video_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_rule_changes" ADD CONSTRAINT "video_rule_changes_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_rule_changes" ADD CONSTRAINT "video_rule_changes_participant_id_video_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."video_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "video_guest_invites_appointment_idx" ON "video_guest_invites" USING btree ("appointment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "video_local_rooms_open_idx" ON "video_local_rooms" USING btree ("room_name") WHERE "video_local_rooms"."status" = 'in-progress';--> statement-breakpoint
CREATE UNIQUE INDEX "video_participants_identity_idx" ON "video_participants" USING btree ("appointment_id","identity");--> statement-breakpoint
CREATE INDEX "video_rule_changes_appointment_idx" ON "video_rule_changes" USING btree ("appointment_id","created_at");