DROP INDEX "appointments_status_starts_idx";--> statement-breakpoint
CREATE INDEX "appointments_status_starts_idx" ON "appointments" USING btree ("status","starts_at","id");