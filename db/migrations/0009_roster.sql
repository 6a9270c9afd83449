CREATE TABLE "patient_clinicians" (
	"patient_id" text NOT NULL,
	"clinician_id" text NOT NULL,
	"assigned_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_clinicians_patient_id_clinician_id_pk" PRIMARY KEY("patient_id","clinician_id")
);
--> statement-breakpoint
CREATE TABLE "roster_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"subject_id" text,
	"details" jsonb NOT NULL,
	"request_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patient_clinicians" ADD CONSTRAINT "patient_clinicians_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_clinicians" ADD CONSTRAINT "patient_clinicians_clinician_id_users_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_clinicians" ADD CONSTRAINT "patient_clinicians_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_audit" ADD CONSTRAINT "roster_audit_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_audit" ADD CONSTRAINT "roster_audit_subject_id_users_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_clinicians_clinician_idx" ON "patient_clinicians" USING btree ("clinician_id");--> statement-breakpoint
CREATE INDEX "roster_audit_created_idx" ON "roster_audit" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "roster_audit_subject_idx" ON "roster_audit" USING btree ("subject_id","created_at");--> statement-breakpoint
-- Every patient is assigned to the clinicians they already have appointments with, so nobody loses a patient.
INSERT INTO "patient_clinicians" ("patient_id", "clinician_id")
  SELECT DISTINCT "patient_id", "clinician_id" FROM "appointments"
  ON CONFLICT DO NOTHING;--> statement-breakpoint
-- The roster audit is append-only: who changed the roster, and how, can never be rewritten.
CREATE FUNCTION "roster_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the roster audit is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "roster_audit_append_only" BEFORE UPDATE OR DELETE ON "roster_audit"
  FOR EACH ROW EXECUTE FUNCTION "roster_audit_append_only"();
