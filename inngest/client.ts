import { Inngest } from "inngest";
import { log } from "@/lib/log";

// Events carry ids only (DESIGN.md, invariant 7). INNGEST_DEV / INNGEST_BASE_URL / keys come from the environment.
// The SDK's own log lines (step failures, registration) go through the redacting logger, like the rest of the server.
export const inngest = new Inngest({ id: "patient-portal", logger: log });
