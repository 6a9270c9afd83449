import { describedBy, FieldError } from "./field-error";

type Props = {
  name: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (event: React.ChangeEvent<HTMLInputElement>) => void;
  errors?: string[];
  disabled?: boolean;
};

/** A real checkbox, shown as a switch: keyboard, screen readers and plain form posts all work. */
export function SwitchField({ name, label, hint, checked, onChange, errors, disabled }: Props) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <div className="flex items-start justify-between gap-4 py-3">
      <div>
        <label htmlFor={name} className="font-medium">
          {label}
        </label>
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
        <FieldError id={errorId} errors={errors} />
      </div>
      <input
        id={name}
        name={name}
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={onChange}
        disabled={disabled}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(hintId, errors?.length ? errorId : undefined)}
        className="peer relative mt-1 h-6 w-11 shrink-0 cursor-pointer appearance-none rounded-full bg-slate-300 transition-colors before:absolute before:left-0.5 before:top-0.5 before:h-5 before:w-5 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-brand-600 checked:before:translate-x-5 disabled:opacity-50"
      />
    </div>
  );
}
