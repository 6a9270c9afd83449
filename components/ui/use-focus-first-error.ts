"use client";

import { useEffect, useRef, type RefObject } from "react";
import type { FormState } from "@/lib/forms";

/**
 * A ref for the form: after each refused save, focus moves to its first field in error (in page order). Pass the
 * form's ref when another hook already owns it (useKeepTyped).
 */
export function useFocusFirstError(state: FormState, existing?: RefObject<HTMLFormElement | null>) {
  const own = useRef<HTMLFormElement>(null);
  const form = existing ?? own;
  useEffect(() => {
    if (state.ok !== false || !state.fieldErrors) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, form]);
  return form;
}
