import { FieldError, invalidProps } from "@/components/ui/field-error";
import { shownChecked, shownValue, type FormState } from "@/lib/forms";

/** An admin's override of the schedule rules: ticked on purpose, with the reason the audit keeps. */
export function OverrideFields({ idPrefix, state }: { idPrefix: string; state: FormState }) {
  const errors = state.fieldErrors?.overrideReason;
  return (
    <fieldset className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
      <legend className="px-1 font-medium">Admin override</legend>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          name="override"
          value="on"
          defaultChecked={shownChecked(state, "override", false)}
          className="accent-brand-600"
        />
        Book even if it is outside working hours or overlaps another visit
      </label>
      <label htmlFor={`${idPrefix}-overrideReason`} className="mt-2 block">
        Reason (required when overriding; kept in the audit)
      </label>
      <input
        id={`${idPrefix}-overrideReason`}
        name="overrideReason"
        maxLength={300}
        defaultValue={shownValue(state, "overrideReason", "")}
        className="w-full rounded border border-slate-300 px-2 py-1"
        {...invalidProps(errors, `${idPrefix}-overrideReason-error`)}
      />
      <FieldError id={`${idPrefix}-overrideReason-error`} errors={errors} />
    </fieldset>
  );
}
