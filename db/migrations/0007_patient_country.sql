ALTER TABLE "patient_profiles" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "region" text;