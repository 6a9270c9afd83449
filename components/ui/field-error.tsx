/** The error under a field; the field points at it with aria-describedby. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.join(" ")}
    </p>
  );
}

/** The result of a save, announced to screen readers. */
export function FormStatus({ ok, message }: { ok?: boolean; message?: string }) {
  return (
    <p role="status" aria-live="polite" className={`min-h-6 text-sm ${ok ? "text-brand-800" : "text-red-700"}`}>
      {message}
    </p>
  );
}

export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;
