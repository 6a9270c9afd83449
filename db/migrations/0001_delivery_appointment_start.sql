DROP INDEX "notification_deliveries_appointment_idx";--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "appointment_starts_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "notification_deliveries_appointment_idx" ON "notification_deliveries" USING btree ("appointment_id","kind","appointment_starts_at");