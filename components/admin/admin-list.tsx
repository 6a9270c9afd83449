import Link from "next/link";
import type { ReactNode } from "react";
import { PAGE_SIZE, queryOf, type ListParams, type Page } from "@/lib/admin/list";
import { timeZoneNames } from "@/lib/patients/time-zones";

export const filterInput = "rounded border border-slate-300 px-2 py-1";

/** A GET form: the filter lives in the URL, so a view can be bookmarked, shared, paged and exported as it is. */
export function ListFilters({
  label,
  params,
  exportPath,
  children,
}: {
  label: string;
  params: ListParams & Record<string, unknown>;
  exportPath: string;
  children?: ReactNode;
}) {
  return (
    <form className="mt-4 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label={label}>
      <label className="flex flex-col">
        Patient email or name
        <input name="patient" defaultValue={params.patient} className={filterInput} />
      </label>
      {children}
      <label className="flex flex-col">
        From
        <input type="date" name="from" defaultValue={params.from} className={filterInput} />
      </label>
      <label className="flex flex-col">
        To
        <input type="date" name="to" defaultValue={params.to} className={filterInput} />
      </label>
      <label className="flex flex-col">
        Time zone
        <select name="zone" defaultValue={params.zone} className={`${filterInput} max-w-48`}>
          {timeZoneNames.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <button className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white">Filter</button>
      <a href={`${exportPath}?${queryOf(params)}`} className="rounded border border-slate-300 px-3 py-1.5">
        Download CSV
      </a>
    </form>
  );
}

/** "51–100 of 230", with links to the newer and older pages of the same filter. */
export function ListPager({
  page,
  params,
  path,
}: {
  page: Page<unknown>;
  params: Record<string, unknown>;
  path: string;
}) {
  const first = page.total === 0 ? 0 : (page.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(page.total, page.page * PAGE_SIZE);
  const link = "rounded border border-slate-300 px-3 py-1.5 text-brand-700 underline";
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-3 text-sm">
      <p data-testid="list-total" aria-live="polite">
        {page.total === 0 ? "No matches" : `${first}–${last} of ${page.total}`} (page {page.page} of {page.pages})
      </p>
      {page.page > 1 ? (
        <Link href={`${path}?${queryOf(params, page.page - 1)}`} className={link}>
          Newer
        </Link>
      ) : null}
      {page.page < page.pages ? (
        <Link href={`${path}?${queryOf(params, page.page + 1)}`} className={link}>
          Older
        </Link>
      ) : null}
    </nav>
  );
}

/** Says which zone the times are in, so "09:00" is never ambiguous. */
export const zoneNote = (zone: string) => `Times in ${zone}, to the second.`;
