CREATE TABLE "consent_texts" (
	"version" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"sequence" integer NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"text_hash" text NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"prior_versions_lapse_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "preference_ledger" ADD COLUMN "signed_name" text;--> statement-breakpoint
ALTER TABLE "preference_ledger" ADD COLUMN "consent_text_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "consent_texts_kind_sequence_idx" ON "consent_texts" USING btree ("kind","sequence");--> statement-breakpoint
ALTER TABLE "consent_texts" ADD CONSTRAINT "consent_texts_kind_check" CHECK ("kind" in ('recordingConsent', 'progressSharingConsent'));--> statement-breakpoint
-- The wordings that lived in lib/patients/consent-texts.ts until now, under the versions the ledger already names.
INSERT INTO "consent_texts" ("version", "kind", "sequence", "title", "text", "text_hash", "effective_at")
SELECT v.version, v.kind, 1, v.title, v.body, encode(sha256(convert_to(v.body, 'UTF8')), 'hex'), '2026-01-01T00:00:00Z'
FROM (VALUES
  ('recording-2026-01', 'recordingConsent', 'Recording of video visits', 'I agree that my video visits with my clinician may be recorded (video and audio). Recordings are kept in the clinic''s secure storage, are used only for my care and the clinic''s quality review, and are never shared outside the clinic without my separate written consent. I can withdraw this consent at any time on this page; from then on no visit is recorded, and a recording in progress is stopped.'),
  ('progress-sharing-2026-01', 'progressSharingConsent', 'Sharing my progress updates', 'I agree that the patient-facing summaries of my progress notes may be emailed to the care contact I name on this page. Private clinical notes are never shared. I can withdraw this consent at any time; from then on nothing more is sent to my care contact.')
) AS v(version, kind, title, body);
