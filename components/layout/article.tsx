/** A page of reading (help, the privacy notice): one column of prose with readable headings and links. */
export function Article({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  return (
    <article className="max-w-prose rounded-lg border border-slate-200 bg-white p-6 shadow-sm [&_a]:text-brand-700 [&_a]:underline [&_h2]:mb-2 [&_h2]:mt-8 [&_h2]:text-xl [&_h2]:font-semibold [&_li]:mt-1 [&_p]:mt-3 [&_ul]:mt-3 [&_ul]:list-disc [&_ul]:pl-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-700">{intro}</p>
      {children}
    </article>
  );
}
