import type { InngestFunction } from "inngest";

/** Every function served at /api/inngest; each issue adds its own here. */
export const functions: InngestFunction.Any[] = [];
