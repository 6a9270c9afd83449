/** A text the patient agreed to, folded away until asked for (native details: keyboard and screen readers work). */
export function ConsentTextDetails({ summary, text }: { summary: string; text: string }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer rounded font-medium text-brand-700 underline">{summary}</summary>
      <p className="mt-2 rounded bg-slate-50 p-3 leading-relaxed whitespace-pre-line">{text}</p>
    </details>
  );
}
