import "server-only";
import { headers } from "next/headers";
import { pickLocale } from "./format";

/** The locale the signed-in viewer's browser asks for: dates on pages are formatted in it (lib/format.ts). */
export async function viewerLocale(): Promise<string> {
  return pickLocale((await headers()).get("accept-language"));
}
