ALTER TABLE "patient_profiles" ADD COLUMN "transcription_consent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "transcription_consent_version" text;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "transcription_consent_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "video_local_rooms" ADD COLUMN "transcribing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "video_participants" ADD COLUMN "transcription_consent" boolean;--> statement-breakpoint
ALTER TABLE "video_rule_changes" ADD COLUMN "transcription" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "video_sessions" ADD COLUMN "transcribing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_texts" DROP CONSTRAINT "consent_texts_kind_check";--> statement-breakpoint
ALTER TABLE "consent_texts" ADD CONSTRAINT "consent_texts_kind_check" CHECK ("kind" in ('recordingConsent', 'transcriptionConsent', 'progressSharingConsent'));--> statement-breakpoint
-- Transcription's own text, apart from recording's: nobody has given it, so every patient starts with it off.
INSERT INTO "consent_texts" ("version", "kind", "sequence", "title", "text", "text_hash", "effective_at")
SELECT v.version, v.kind, 1, v.title, v.body, encode(sha256(convert_to(v.body, 'UTF8')), 'hex'), '2026-01-01T00:00:00Z'
FROM (VALUES
  ('transcription-2026-01', 'transcriptionConsent', 'Transcription of video visits', 'I agree that my video visits with my clinician may be transcribed: the clinic''s video provider turns what is said into text as the visit happens, and an AI scribe the clinic may use later drafts notes from that text for my clinician to check. The transcript is kept in the clinic''s secure storage with my record, is used only for my care and the clinic''s quality review, and is never shared outside the clinic without my separate written consent. This consent is separate from my consent to recording: I can give either one without the other. A visit is transcribed only while everyone in it agrees. I can stop transcription during a visit, or withdraw this consent at any time on this page; from then on no visit is transcribed, and a transcription in progress is stopped.')
) AS v(version, kind, title, body);
