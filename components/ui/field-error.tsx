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
export function FormStatus({ ok, message, id }: { ok?: boolean; message?: string; id?: string }) {
  return (
    <p id={id} role="status" aria-live="polite" className={`min-h-6 text-sm ${ok ? "text-brand-800" : "text-red-700"}`}>
      {message}
    </p>
  );
}

export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

/**
 * The attributes that tie a field to its error: aria-invalid (which globals.css also draws as a red border) and
 * aria-describedby naming the hint and the error. `errorId` defaults to `${name}-error`.
 */
export function invalidProps(
  errors: string[] | undefined,
  errorId: string,
  hintId?: string,
): { "aria-invalid"?: true; "aria-describedby"?: string } {
  const invalid = Boolean(errors?.length);
  return {
    "aria-invalid": invalid ? true : undefined,
    "aria-describedby": describedBy(hintId, invalid && errorId),
  };
}
