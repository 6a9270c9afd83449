import { describe, expect, it } from "vitest";
import {
  formStateOf,
  problemsMessage,
  refusedState,
  shownChecked,
  shownChoices,
  shownValue,
  submittedValues,
} from "./forms";

const post = (entries: [string, string | Blob][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe("submittedValues", () => {
  it("keeps every typed text, a repeated field as a list, and leaves out React's own fields", () => {
    const note = "n".repeat(630);
    const values = submittedValues(
      post([
        ["privateNote", note],
        ["patientSummary", "   "],
        ["tag", "a"],
        ["tag", "b"],
        ["$ACTION_ID_abc", ""],
      ]),
    );
    expect(values).toEqual({ privateNote: note, patientSummary: "   ", tag: ["a", "b"] });
  });

  it("never echoes tokens or secrets, nor the fields a caller omits, nor files", () => {
    const values = submittedValues(
      post([
        ["token", "signed-unsubscribe-token"],
        ["clientSecret", "s3cret"],
        ["password", "hunter2"],
        ["next", "/visit/1"],
        ["upload", new Blob(["x"])],
        ["email", "ada@example.com"],
      ]),
      ["next"],
    );
    expect(values).toEqual({ email: "ada@example.com" });
  });

  it("drops a value longer than any real field instead of sending a 1 MB paste back", () => {
    const values = submittedValues(
      post([
        ["phone", "x".repeat(1_000_000)],
        ["timeZone", "Europe/London"],
      ]),
    );
    expect(values).toEqual({ timeZone: "Europe/London" });
  });
});

describe("what a field shows", () => {
  it("shows the refused typed value, else the stored one; an empty typed value is kept, not replaced", () => {
    expect(shownValue({}, "phone", "+44 7911 123456")).toBe("+44 7911 123456");
    expect(shownValue({ ok: false, values: { phone: "555" } }, "phone", "+44 7911 123456")).toBe("555");
    expect(shownValue({ ok: false, values: { careContactName: "" } }, "careContactName", "Alice")).toBe("");
    expect(shownValue({ ok: false, values: { tag: ["a", "b"] } }, "tag", "")).toBe("a");
  });

  it("a checkbox after a refusal is ticked only if the refused post had it ticked", () => {
    expect(shownChecked({}, "confirm", true)).toBe(true);
    expect(shownChecked({ ok: false, values: { confirm: "on" } }, "confirm", false)).toBe(true);
    expect(shownChecked({ ok: false, values: {} }, "confirm", true)).toBe(false);
  });

  it("a group of checkboxes after a refusal has the refused post's ticks, one or many or none", () => {
    expect(shownChoices({}, "clinicianIds", ["a"])).toEqual(["a"]);
    expect(shownChoices({ ok: false, values: { clinicianIds: "b" } }, "clinicianIds", ["a"])).toEqual(["b"]);
    expect(shownChoices({ ok: false, values: { clinicianIds: ["a", "b"] } }, "clinicianIds")).toEqual(["a", "b"]);
    expect(shownChoices({ ok: false, values: {} }, "clinicianIds", ["a"])).toEqual([]);
  });
});

describe("the form-level message", () => {
  it("counts the fields to fix, and names a form-wide reason instead of pointing at nothing", () => {
    expect(problemsMessage({ patientSummary: ["Write the summary."] })).toBe(
      "Nothing was saved: 1 problem to fix, marked below.",
    );
    expect(problemsMessage({ careContactName: ["a"], careContactEmail: ["b", "c"] })).toBe(
      "Nothing was saved: 2 problems to fix, marked below.",
    );
    expect(problemsMessage({ form: ["Unknown field: isAdmin."] })).toBe("Nothing was saved: Unknown field: isAdmin.");
    expect(problemsMessage({ startsAt: ["Choose a time in the future."] }, "Nothing was booked")).toBe(
      "Nothing was booked: 1 problem to fix, marked below.",
    );
  });

  it("refusedState carries the errors and the typed values back", () => {
    expect(refusedState({ phone: ["Bad."] }, { phone: "555" })).toEqual({
      ok: false,
      message: "Nothing was saved: 1 problem to fix, marked below.",
      fieldErrors: { phone: ["Bad."] },
      values: { phone: "555" },
    });
  });
});

describe("formStateOf, the DomainResult adapter for forms", () => {
  it("success says what was done and carries no values", () => {
    expect(formStateOf({ ok: true }, "Saved.", { phone: "1" })).toEqual({ ok: true, message: "Saved." });
  });

  it("a refusal with field errors counts them under the domain's own lead, and keeps the values", () => {
    expect(
      formStateOf(
        { ok: false, message: "Nothing was booked.", fieldErrors: { startsAt: ["Choose a time in the future."] } },
        "Booked.",
        { startsAt: "2020-01-01T10:00" },
      ),
    ).toEqual({
      ok: false,
      message: "Nothing was booked: 1 problem to fix, marked below.",
      fieldErrors: { startsAt: ["Choose a time in the future."] },
      values: { startsAt: "2020-01-01T10:00" },
    });
  });

  it("a refusal without field errors keeps the domain's message; none at all still says nothing was saved", () => {
    expect(formStateOf({ ok: false, message: "Appointment not found." }, "Done.")).toEqual({
      ok: false,
      message: "Appointment not found.",
    });
    expect(formStateOf({ ok: false, fieldErrors: { phone: ["Bad."] } }, "Done.").message).toBe(
      "Nothing was saved: 1 problem to fix, marked below.",
    );
  });
});
