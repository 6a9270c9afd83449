import type { z } from "zod";

/** What every form action returns: never the submitted values themselves. */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
};

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      (errors.form ??= []).push(`Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.`);
      continue;
    }
    const key = issue.path.length > 0 ? issue.path.join(".") : "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
