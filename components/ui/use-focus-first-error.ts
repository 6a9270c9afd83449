"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/forms";

/** A ref for the form: after each refused save, focus moves to its first field in error (in page order). */
export function useFocusFirstError(state: FormState) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok !== false || !state.fieldErrors) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  return form;
}
