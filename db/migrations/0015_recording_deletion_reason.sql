ALTER TABLE "video_recordings" ADD COLUMN "deleted_reason" text;--> statement-breakpoint
-- Recordings deleted before the reason was kept: only guarded rooms deleted them, for a withdrawal or for no consent.
UPDATE "video_recordings" r SET "deleted_reason" = CASE
  WHEN EXISTS (SELECT 1 FROM "video_sessions" s WHERE s."room_sid" = r."room_sid" AND s."recording_reason" = 'consent_withdrawn')
    OR EXISTS (SELECT 1 FROM "video_rule_changes" c WHERE c."room_sid" = r."room_sid" AND c."cause" = 'withdraw')
  THEN 'consent_withdrawn' ELSE 'recorded_without_consent' END
WHERE r."deleted_at" IS NOT NULL AND r."deleted_reason" IS NULL;
