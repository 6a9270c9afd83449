import { db } from "@/db/client";
import { handleErrors } from "@/lib/http";
import { unsubscribeFromEmail } from "@/lib/notifications/unsubscribe";

// RFC 8058 one-click unsubscribe: the mail client POSTs "List-Unsubscribe=One-Click"; the signed token is the authority.
export const POST = handleErrors(async (request: Request) => {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const outcome = await unsubscribeFromEmail(db(), token);
  if (outcome === "invalid")
    return Response.json({ error: "This unsubscribe link is not valid or has expired." }, { status: 403 });
  if (outcome === "already_used")
    return Response.json({ error: "This unsubscribe link was already used." }, { status: 410 });
  return Response.json({ ok: true });
});
