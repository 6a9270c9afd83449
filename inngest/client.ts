import { Inngest } from "inngest";

// Events carry ids only (DESIGN.md, invariant 7). INNGEST_DEV / INNGEST_BASE_URL / keys come from the environment.
export const inngest = new Inngest({ id: "patient-portal" });
