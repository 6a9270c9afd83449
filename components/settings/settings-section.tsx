import { settingsSections, type SettingsSectionId } from "./settings-sections";

/** One /settings section: a landmark named by its heading, the target of its in-page nav link. */
export function SettingsSection({
  id,
  intro,
  children,
}: {
  id: SettingsSectionId;
  intro?: React.ReactNode;
  children: React.ReactNode;
}) {
  const title = settingsSections.find((section) => section.id === id)!.title;
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      // The sticky nav (desktop) and the skip target both leave the heading in view when jumped to.
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id={`${id}-heading`} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {intro ? <div className="mb-3 text-sm text-slate-600">{intro}</div> : null}
      {children}
    </section>
  );
}
