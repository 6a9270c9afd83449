CREATE TYPE "public"."request_means" AS ENUM('phone', 'in_person', 'letter', 'email', 'text_reply');--> statement-breakpoint
ALTER TYPE "public"."ledger_actor" ADD VALUE 'inbound_sms';--> statement-breakpoint
ALTER TYPE "public"."ledger_actor" ADD VALUE 'inbound_whatsapp';--> statement-breakpoint
ALTER TYPE "public"."ledger_actor" ADD VALUE 'email_complaint';--> statement-breakpoint
ALTER TYPE "public"."ledger_actor" ADD VALUE 'twilio_unsubscribed';--> statement-breakpoint
CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_sid" text NOT NULL,
	"patient_id" text,
	"channel" "channel" NOT NULL,
	"from_number" text NOT NULL,
	"body" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"outcome" text,
	CONSTRAINT "inbound_messages_message_sid_unique" UNIQUE("message_sid")
);
--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "provider_status" text;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "provider_status_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "email_bounced_address" text;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "email_bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "phone_unreachable_number" text;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "phone_unreachable_code" text;--> statement-breakpoint
ALTER TABLE "preference_ledger" ADD COLUMN "request_means" "request_means";--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_messages_open_idx" ON "inbound_messages" USING btree ("resolved_at","received_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_provider_idx" ON "notification_deliveries" USING btree ("provider_message_id") WHERE "notification_deliveries"."provider_message_id" is not null;