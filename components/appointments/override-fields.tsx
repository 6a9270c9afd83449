import { describedBy, FieldError } from "@/components/ui/field-error";

/** An admin's override of the schedule rules: ticked on purpose, with the reason the audit keeps. */
export function OverrideFields({ idPrefix, errors }: { idPrefix: string; errors?: string[] }) {
  return (
    <fieldset className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
      <legend className="px-1 font-medium">Admin override</legend>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="override" value="on" className="accent-brand-600" />
        Book even if it is outside working hours or overlaps another visit
      </label>
      <label htmlFor={`${idPrefix}-overrideReason`} className="mt-2 block">
        Reason (required when overriding; kept in the audit)
      </label>
      <input
        id={`${idPrefix}-overrideReason`}
        name="overrideReason"
        maxLength={300}
        className="w-full rounded border border-slate-300 px-2 py-1"
        aria-describedby={describedBy(errors && `${idPrefix}-overrideReason-error`)}
      />
      <FieldError id={`${idPrefix}-overrideReason-error`} errors={errors} />
    </fieldset>
  );
}
