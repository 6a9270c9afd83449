import { db } from "@/db/client";
import { afterResponse } from "@/lib/after-response";
import { relayOutbox, type EventPublisher } from "@/lib/events/outbox";
import { inngest } from "./client";

/** The outbox's publishing port, implemented with the Inngest SDK: the row id is the event id, its time the event's. */
export const publishToInngest: EventPublisher = async (events) => {
  await inngest.send(events.map(({ id, name, data, ts }) => ({ id, name, data, ts })));
};

/** Publishes what the outbox holds now, with Inngest as the publisher. */
export const relayOutboxNow = () => relayOutbox(db(), publishToInngest);

/**
 * After the response is sent (Next's `after()`), so no action waits on the event API; if it is down the rows stay
 * and the `relay-outbox` cron publishes them. Outside a request (scripts, tests) there is nothing to defer to: the cron
 * (or the caller) relays.
 */
export function relayAfterResponse(): void {
  afterResponse("outbox relay", relayOutboxNow);
}
