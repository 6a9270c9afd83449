"use client";

import { startTransition, useEffect, useRef, type FormEvent } from "react";
import type { FormState } from "@/lib/forms";

/**
 * React resets a form after its action runs, which would throw away what was typed when the answer is an error. This
 * submits without the reset (the submitter's name and value included) and clears the form only after a success.
 */
export function useKeepTyped(dispatch: (data: FormData) => void, state: FormState, resetOnSuccess = true) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.ok) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
  return { formRef, onSubmit };
}
