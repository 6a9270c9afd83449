ALTER TABLE "notification_deliveries" ADD COLUMN "progress_note_id" uuid;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_progress_note_id_progress_notes_id_fk" FOREIGN KEY ("progress_note_id") REFERENCES "public"."progress_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_notes" ADD CONSTRAINT "progress_notes_corrects_note_id_progress_notes_id_fk" FOREIGN KEY ("corrects_note_id") REFERENCES "public"."progress_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_deliveries_note_idx" ON "notification_deliveries" USING btree ("progress_note_id");--> statement-breakpoint
CREATE INDEX "progress_notes_appointment_idx" ON "progress_notes" USING btree ("appointment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_notes_corrects_idx" ON "progress_notes" USING btree ("corrects_note_id");--> statement-breakpoint
-- Progress notes are immutable once saved: only the sharing status may change; corrections are new rows.
CREATE FUNCTION "progress_notes_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'progress notes cannot be deleted; write a correction instead';
  END IF;
  IF (NEW.id, NEW.appointment_id, NEW.clinician_id, NEW.patient_id, NEW.private_note, NEW.patient_summary, NEW.corrects_note_id, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.appointment_id, OLD.clinician_id, OLD.patient_id, OLD.private_note, OLD.patient_summary, OLD.corrects_note_id, OLD.created_at) THEN
    RAISE EXCEPTION 'progress notes cannot be changed; write a correction instead';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "progress_notes_immutable" BEFORE UPDATE OR DELETE ON "progress_notes"
  FOR EACH ROW EXECUTE FUNCTION "progress_notes_immutable"();
