import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { env } from "@/lib/env";
import { channelLabels } from "@/lib/notifications/labels";
import { listOutbox } from "@/lib/notifications/outbox";
import { plainText } from "@/lib/validation";

export const metadata: Metadata = { title: "Dev outbox" };

const URL_PATTERN = /(https?:\/\/[^\s]+)/g;

function Linkified({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="break-all text-brand-700 underline">
        {part}
      </a>
    ) : (
      <span key={index}>{part}</span>
    ),
  );
}

// Demo and dev only: messages that would have gone to a real provider. A 404 in production.
export default async function OutboxPage({ searchParams }: PageProps<"/dev/outbox">) {
  if (!env().devOutboxEnabled) notFound();
  const { to } = await searchParams;
  const recipient = plainText({ max: 254 }).safeParse(to).data || undefined;
  const messages = await listOutbox(db(), { recipient });
  return (
    <section>
      <h1 className="text-2xl font-semibold">Dev outbox</h1>
      <p className="mt-2 text-slate-600">
        No email or text provider is configured, so messages are kept here instead of being sent: emails (their text
        part), SMS and WhatsApp messages, the latest 50, newest first. A patient&apos;s email address also finds the
        texts sent to their mobile number.
      </p>
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search">
        <label htmlFor="to" className="text-sm font-medium">
          Recipient
        </label>
        <input id="to" name="to" defaultValue={recipient} className="rounded border border-slate-300 px-2 py-1" />
        <button className="rounded border border-slate-300 px-3 py-1">Filter</button>
      </form>
      {messages.length === 0 ? <p className="mt-6 text-slate-600">The outbox is empty.</p> : null}
      <ol className="mt-6 space-y-4">
        {messages.map((message) => (
          <li
            key={message.id}
            className="rounded-lg border border-slate-200 bg-white p-4"
            data-testid="outbox-message"
            data-channel={message.channel}
          >
            <p className="text-sm text-slate-600">
              {channelLabels[message.channel]} to{" "}
              <span className="font-medium text-slate-900">{message.recipient}</span> ·{" "}
              <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toISOString()}</time>
            </p>
            {message.subject ? <h2 className="mt-1 font-semibold">{message.subject}</h2> : null}
            <p className="mt-2 whitespace-pre-wrap">
              <Linkified text={message.body} />
            </p>
            {message.attachments?.length ? (
              <ul className="mt-2 text-sm" aria-label="Attachments">
                {message.attachments.map((file) => (
                  <li key={file.filename}>
                    {/* The file itself, as the recipient's mail app would offer it. */}
                    <a
                      href={`data:${file.contentType.split(";")[0]};base64,${file.content}`}
                      download={file.filename}
                      data-content-type={file.contentType}
                      className="text-brand-700 underline"
                    >
                      {file.filename}
                    </a>{" "}
                    <span className="text-slate-600">({file.contentType.split(";")[0]})</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
