import type { ReactNode } from "react";

/** A read-only data table: scrolls sideways on small screens, a caption for screen readers, one header row. */
export function Table({
  caption,
  headers,
  empty,
  children,
  isEmpty,
}: {
  caption: string;
  headers: string[];
  empty: string;
  isEmpty: boolean;
  children: ReactNode;
}) {
  if (isEmpty) return <p className="text-slate-600">{empty}</p>;
  return (
    // Focusable and named, so a table that scrolls sideways on a phone can be scrolled from the keyboard (WCAG 2.1.1).
    <div
      className="overflow-x-auto focus:outline-2 focus:outline-brand-600"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="py-2 pr-4 font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** One body row; cells are plain `<td className={cell}>`. */
export const rowClass = "border-b border-slate-100 align-top";
export const cell = "py-2 pr-4";
