ALTER TYPE "public"."delivery_status" ADD VALUE 'deferred';--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "scheduled_for" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "appointment_updates_email" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "appointment_updates_text" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "reminders_email" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "reminders_text" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "progress_updates_email" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "progress_updates_text" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "reminder_24h" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "reminder_1h" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "reminder_15m" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "text_hours_start" text;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "text_hours_end" text;--> statement-breakpoint
CREATE INDEX "notification_deliveries_patient_texts_idx" ON "notification_deliveries" USING btree ("patient_id","sent_at") WHERE "notification_deliveries"."channel" <> 'email';--> statement-breakpoint
-- Existing patients: every matrix cell on, so the three switches alone decide, exactly as before (the defaults above).
-- Texts already sent count toward frequency caps from the moment they were recorded (the revocation confirmation,
-- sent outside the gate, is not counted, as it is not when it is sent now).
UPDATE "notification_deliveries" SET "sent_at" = "updated_at" WHERE "status" = 'sent' AND "channel" <> 'email' AND "kind" <> 'revocation_confirmation';--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD CONSTRAINT "patient_profiles_text_hours_check" CHECK (("text_hours_start" IS NULL) = ("text_hours_end" IS NULL) AND ("text_hours_start" IS NULL OR ("text_hours_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "text_hours_end" ~ '^([01][0-9]|2[0-4]):[0-5][0-9]$')));
