import type { z } from "zod";
import type { DomainResult, FieldErrors } from "./result";

/** The submitted text of a form, by field name, as the user typed it (only ever sent back to that same user). */
export type FormValues = Record<string, string | string[]>;

/** What every form action returns; `values` comes back only on a refusal, so the form shows what was typed. */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: FormValues;
};

// Never sent back even to the person who typed them: tokens and secrets live in hidden fields or password managers.
const SENSITIVE = /token|secret|password|csrf|^\$ACTION/i;
// A refused 1 MB paste is not worth a 1 MB answer; the longest real field (a private note) is 20,000 characters.
const MAX_ECHO_CHARS = 20_000;
const MAX_ECHO_FIELDS = 40;

/** The typed values of a form post to re-render after a refusal: text only, no secrets, bounded in size. */
export function submittedValues(formData: FormData, omit: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (Object.keys(values).length >= MAX_ECHO_FIELDS) break;
    if (SENSITIVE.test(key) || omit.includes(key)) continue;
    const texts = formData
      .getAll(key)
      .filter((value): value is string => typeof value === "string" && value.length <= MAX_ECHO_CHARS);
    if (texts.length === 0) continue;
    values[key] = texts.length === 1 ? texts[0]! : texts;
  }
  return values;
}

/** One field's typed value: the first one when a field came twice. */
export function typedValue(state: FormState, name: string): string | undefined {
  const value = state.values?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What a field shows: what was just typed when the save was refused, else the stored value. */
export function shownValue(state: FormState, name: string, stored: string): string {
  return typedValue(state, name) ?? stored;
}

/** A group of same-named checkboxes after a refusal: the refused post's ticks; otherwise as stored. */
export function shownChoices(state: FormState, name: string, stored: readonly string[] = []): string[] {
  if (!state.values) return [...stored];
  const value = state.values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A checkbox after a refusal: ticked if the refused post had it ticked; otherwise as stored. */
export function shownChecked(state: FormState, name: string, stored: boolean): boolean {
  if (!state.values) return stored;
  const value = typedValue(state, name);
  return value === "on" || value === "true";
}

/** The form-level line after a refusal: how many fields need fixing, or the one form-wide reason. */
export function problemsMessage(fieldErrors: FieldErrors, lead = "Nothing was saved"): string {
  const fields = Object.keys(fieldErrors).filter((key) => key !== "form");
  const general = fieldErrors.form ?? [];
  if (fields.length === 0) return general.length ? `${lead}: ${general.join(" ")}` : `${lead}.`;
  const problems = fields.length === 1 ? "1 problem" : `${fields.length} problems`;
  return `${lead}: ${problems} to fix, marked below.${general.length ? ` ${general.join(" ")}` : ""}`;
}

/** A refusal as form state, carrying the typed values back. */
export function refusedState(fieldErrors: FieldErrors, values?: FormValues, message?: string): FormState {
  const state: FormState = { ok: false, message: message ?? problemsMessage(fieldErrors), fieldErrors };
  if (values) state.values = values;
  return state;
}

/** The form adapter for a DomainResult: a refusal keeps the domain's own message when it has one. */
export function formStateOf(result: DomainResult, done: string, values?: FormValues): FormState {
  if (result.ok) return { ok: true, message: done };
  const fieldErrors = result.fieldErrors ?? {};
  const fieldCount = Object.keys(fieldErrors).filter((key) => key !== "form").length;
  // "Nothing was booked." becomes "Nothing was booked: 1 problem to fix, marked below." when fields are marked.
  const message =
    fieldCount > 0 || !result.message
      ? problemsMessage(fieldErrors, result.message?.replace(/\.$/, "") ?? "Nothing was saved")
      : result.message;
  const state: FormState = { ok: false, message };
  if (result.fieldErrors) state.fieldErrors = result.fieldErrors;
  if (values) state.values = values;
  return state;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
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
