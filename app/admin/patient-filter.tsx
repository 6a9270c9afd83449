import { z } from "zod";
import { plainText } from "@/lib/validation";

// Unknown filter values are dropped rather than refused: admin views are read-only.
const schema = z.object({ patient: plainText({ max: 254 }).optional().catch(undefined) });

export function patientFilterOf(raw: unknown): string | undefined {
  return schema.parse(raw).patient || undefined;
}

/** A GET form: the filter lives in the URL, so a view can be bookmarked and shared. */
export function PatientFilter({ label, value }: { label: string; value?: string }) {
  return (
    <form className="mt-4 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label={label}>
      <label className="flex flex-col">
        Patient email
        <input name="patient" type="email" defaultValue={value} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <button className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white">Filter</button>
    </form>
  );
}
