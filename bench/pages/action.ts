import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

type ReplyEncoder = { encodeReply: (value: unknown) => Promise<FormData | string> };
// React's own client encoder, as the browser's bundle runs it: the body is byte-for-byte what the form posts.
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-turbopack/client.node.js",
) as ReplyEncoder;

/** The id Next gave the action in this build (the `Next-Action` header a browser sends). */
export function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`${exportedName} is not in the build's server-reference manifest`);
  return found[0];
}

/** useActionState calls the action with (previous state, form data): encoded as React encodes that call. */
export async function encodeActionCall(fields: Record<string, string>): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = await encodeReply([{}, form]);
  const response = new Response(encoded);
  return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get("content-type")! };
}
