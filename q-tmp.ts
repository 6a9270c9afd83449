import { PGlite } from "@electric-sql/pglite";
const db = new PGlite("/work/wt-lifecycle/.data/e2e");
const id = "00000000-0000-4000-8000-00000000f201";
console.log((await db.query(`select role, identity, present, recording_consent, left_at, joined_at from video_participants where appointment_id = $1 order by created_at`, [id])).rows);
console.log((await db.query(`select cause, recording, created_at from video_rule_changes where appointment_id = $1 order by id`, [id])).rows);
console.log((await db.query(`select status, recording, recording_reason from video_sessions where appointment_id = $1`, [id])).rows);
