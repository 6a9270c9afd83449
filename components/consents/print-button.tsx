"use client";

/** Opens the browser's print dialog (save as PDF from there); hidden on paper. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 print:hidden"
    >
      Print or save as PDF
    </button>
  );
}
