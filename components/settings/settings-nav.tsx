import { settingsSections } from "./settings-sections";

/** In-page links to each section: compact wrapped chips on a phone, a sticky column beside the sections on a desktop. */
export function SettingsNav() {
  return (
    <nav aria-label="Settings sections" className="lg:sticky lg:top-4 lg:self-start">
      <ul className="flex flex-wrap gap-1.5 lg:flex-col lg:gap-1">
        {settingsSections.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              className="block rounded-full border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-brand-50 lg:rounded lg:border-0 lg:bg-transparent lg:px-2"
            >
              {section.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
