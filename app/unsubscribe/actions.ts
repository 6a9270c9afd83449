"use server";

import { z } from "zod";
import { db } from "@/db/client";
import type { FormState } from "@/lib/forms";
import { unsubscribeFromEmail } from "@/lib/notifications/unsubscribe";

const messages = {
  unsubscribed:
    "Done: you will get no more email notifications. Sign-in links still arrive. You can turn emails back on in Settings.",
  already_used: "This link was already used.",
  invalid: "This link is not valid or has expired.",
} as const;

// Authorized by the signed token in the link, not a session: people unsubscribe from their mail client, signed out.
export async function confirmUnsubscribeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = z.string().max(512).safeParse(formData.get("token"));
  const outcome = token.success ? await unsubscribeFromEmail(db(), token.data) : "invalid";
  return { ok: outcome === "unsubscribed", message: messages[outcome] };
}
