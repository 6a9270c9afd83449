import type { Db } from "@/db/client";
import type { notificationDeliveries } from "@/db/schema";
import type { LogicalChannel } from "../kinds";
import type { NotificationPolicy } from "../policy";
import { textsSentAround } from "../usage";
import type { Decision } from "../decide";
import type { Channel } from "../kinds";
import type { EmailAttachment } from "../providers/email";
import type { RenderedEmail } from "../templates/render";
import type { TemplateVariables } from "../whatsapp-templates";

/** What a provider is asked to send, composed from rows read at the moment of sending. */
export type Outgoing =
  | {
      channel: "email";
      to: string;
      email: RenderedEmail;
      headers?: Record<string, string>;
      attachments?: EmailAttachment[];
    }
  | { channel: "sms" | "whatsapp"; to: string; body: string; variables: TemplateVariables };

/** The columns of the delivery record, including its unique key. */
export type DeliveryRecord = Omit<typeof notificationDeliveries.$inferInsert, "status" | "reason" | "channel">;

/** One subject of messages (an appointment, a progress note): its fresh decision and how to compose the message. */
export type PreparedDelivery =
  | { decision: { action: "wait" } }
  | {
      decision: Exclude<Decision, { action: "wait" }>;
      record: DeliveryRecord;
      /**
       * `claimedAt`: when the delivery key was first claimed. Whatever depends on time (the unsubscribe token) is
       * derived from it, so retries of one delivery ask the provider for the same content unless the rows they
       * read changed, and the provider's idempotency holds (Resend keeps a key 24 h; a reused key with another
       * payload is refused, which the email provider reads as "already sent").
       */
      compose: (channel: Channel, claimedAt: Date, db: Db) => Promise<Outgoing>;
    };

/** `lock`: read the patient's row FOR UPDATE (the caller holds a transaction), so caps are counted one text at a time. */
export type PrepareOptions = { appUrl: string; policy?: NotificationPolicy; lock: boolean };

/** The texts a cap counts, read only when a cap applies to this message. */
export const textsCountedFor = (
  db: Db,
  channel: LogicalChannel,
  policy: NotificationPolicy | undefined,
  patientId: string,
  now: Date,
) => (policy?.textCaps && channel === "text" ? textsSentAround(db, patientId, now) : Promise.resolve([]));
