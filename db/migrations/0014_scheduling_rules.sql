CREATE TABLE "schedule_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" text NOT NULL,
	"clinician_id" text NOT NULL,
	"appointment_id" uuid,
	"action" text NOT NULL,
	"reason" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinician_id" text NOT NULL,
	"weekday" integer NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_hours_weekday_check" CHECK ("working_hours"."weekday" between 0 and 6),
	CONSTRAINT "working_hours_interval_check" CHECK ("working_hours"."start_minute" >= 0 and "working_hours"."end_minute" <= 1440 and "working_hours"."start_minute" < "working_hours"."end_minute")
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dev_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "schedule_audit" ADD CONSTRAINT "schedule_audit_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_audit" ADD CONSTRAINT "schedule_audit_clinician_id_users_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_audit" ADD CONSTRAINT "schedule_audit_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_clinician_id_clinicians_user_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."clinicians"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schedule_audit_clinician_idx" ON "schedule_audit" USING btree ("clinician_id","created_at");--> statement-breakpoint
CREATE INDEX "schedule_audit_appointment_idx" ON "schedule_audit" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "working_hours_clinician_idx" ON "working_hours" USING btree ("clinician_id","weekday");--> statement-breakpoint
-- The audit is append-only: an override's reason cannot be rewritten after the fact.
CREATE FUNCTION "schedule_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'schedule audit rows cannot be changed or deleted';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "schedule_audit_append_only" BEFORE UPDATE OR DELETE ON "schedule_audit"
  FOR EACH ROW EXECUTE FUNCTION "schedule_audit_append_only"();--> statement-breakpoint
-- Clinicians who existed before working hours keep being bookable: Monday to Friday, 08:00–18:00 in their zone.
INSERT INTO "working_hours" ("clinician_id", "weekday", "start_minute", "end_minute")
  SELECT "user_id", d, 480, 1080 FROM "clinicians" CROSS JOIN generate_series(1, 5) AS d;
