"use client";

import { startTransition, useActionState, useMemo, useState, useSyncExternalStore } from "react";
import { updateTimeZoneAction } from "@/app/settings/actions/update-time-zone";
import { FieldError, FormStatus, invalidProps } from "@/components/ui/field-error";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { useHydrated } from "@/components/ui/use-hydrated";
import { typedValue, type FormState } from "@/lib/forms";
import { filterZoneGroups, localTimeIn, zoneGroups, zoneLabel } from "@/lib/patients/time-zone-choices";
import { listedTimeZone } from "@/lib/patients/time-zones";

const noSubscription = () => () => {};
const browserTimeZone = () => listedTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
// A clock that ticks every 30 s; the snapshot is the time rounded down, so it is stable between ticks.
const clockNow = () => Math.floor(Date.now() / 30_000) * 30_000;
function subscribeToClock(tick: () => void) {
  const timer = setInterval(tick, 30_000);
  return () => clearInterval(timer);
}

type Props = {
  timeZone: string;
  /** The patient's country's zones, listed first, e.g. { label: "United States", zones: [...] }. */
  suggested: { label: string; zones: string[] } | null;
  suggestBrowserZone: boolean;
};

/** A zone list grouped by region; with JavaScript a search box narrows it and the local time there is shown. */
export function TimeZoneForm({ timeZone, suggested, suggestBrowserZone }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(updateTimeZoneAction, {});
  const hydrated = useHydrated();
  const formRef = useFocusFirstError(state);
  const errors = state.fieldErrors ?? {};
  const groups = useMemo(() => zoneGroups(suggested, timeZone), [suggested, timeZone]);
  const [query, setQuery] = useState("");
  // First visit: the browser's zone is preselected (a suggestion, not a save: the patient confirms with Save).
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => undefined);
  const [picked, setChosen] = useState(() => typedValue(state, "timeZone"));
  const chosen = picked ?? (suggestBrowserZone ? browserZone : undefined) ?? timeZone;
  // The clock next to the choice: the browser's time, so it only appears once JavaScript runs.
  const now = useSyncExternalStore(subscribeToClock, clockNow, () => null);
  const shownGroups = useMemo(() => filterZoneGroups(groups, query), [groups, query]);
  const matches = shownGroups.reduce((sum, group) => sum + group.choices.length, 0);
  // The chosen zone stays in the list while searching, so the select never silently shows another one.
  const chosenShown = shownGroups.some((group) => group.choices.some((choice) => choice.zone === chosen));

  function search(value: string) {
    setQuery(value);
    const first = filterZoneGroups(groups, value)[0]?.choices[0]?.zone;
    const stillMatches = filterZoneGroups(groups, value).some((g) => g.choices.some((c) => c.zone === chosen));
    if (first && !stillMatches) setChosen(first);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    // A controlled select: post it by hand so React's form reset never shows the old zone after a save.
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  return (
    <form ref={formRef} action={formAction} onSubmit={submit} className="space-y-3">
      {hydrated ? (
        <div>
          <label htmlFor="timeZone-search" className="block font-medium">
            Search time zones
          </label>
          <input
            id="timeZone-search"
            type="search"
            value={query}
            onChange={(event) => search(event.target.value)}
            placeholder="A city or region, e.g. New York, Tokyo"
            aria-describedby="timeZone-matches"
            aria-controls="timeZone"
            className="mt-1 w-full max-w-sm rounded border border-slate-300 px-3 py-2"
          />
          <p id="timeZone-matches" aria-live="polite" className="mt-1 text-sm text-slate-600">
            {query ? (matches === 1 ? "1 zone matches." : `${matches} zones match.`) : null}
          </p>
        </div>
      ) : null}
      <div>
        <label htmlFor="timeZone" className="block font-medium">
          Time zone
        </label>
        <select
          id="timeZone"
          name="timeZone"
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
          {...invalidProps(errors.timeZone, "timeZone-error", "timeZone-hint")}
          className="mt-1 w-full max-w-sm rounded border border-slate-300 px-3 py-2"
        >
          {chosenShown ? null : <option value={chosen}>{zoneLabel(chosen)}</option>}
          {shownGroups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.choices.map((choice) => (
                <option key={`${group.label}-${choice.zone}`} value={choice.zone}>
                  {choice.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p id="timeZone-hint" className="mt-1 text-sm text-slate-600">
          {now ? (
            <span data-testid="time-zone-local-time">
              Now in {zoneLabel(chosen)}: {localTimeIn(chosen, new Date(now))}.{" "}
            </span>
          ) : null}
          Appointment times in messages and on this portal are shown in this zone.
          {suggestBrowserZone ? " We picked your browser's zone; save to keep it." : ""}
        </p>
        <FieldError id="timeZone-error" errors={errors.timeZone} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Save time zone
        </button>
        <FormStatus ok={state.ok} message={pending ? "Saving…" : state.message} />
      </div>
    </form>
  );
}
