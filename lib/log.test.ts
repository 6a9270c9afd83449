import { describe, expect, it } from "vitest";
import { safeError } from "./log";

describe("what of an error may be logged", () => {
  it("masks contact details in a message but keeps ids readable", () => {
    const logged = safeError(
      new Error("send to ada@patients.example or +44 7911 123456 failed for room RM00000000000000000000000000000001"),
    );
    expect(logged.message).toBe("send to [contact] or [contact] failed for room RM00000000000000000000000000000001");
    expect(safeError(new Error("appointment 7be68f0f-f5bd-412f-840f-dc7697ec391a not found")).message).toContain(
      "7be68f0f-f5bd",
    );
  });

  it("keeps a database error's codes and none of its message, params or detail", () => {
    const error = Object.assign(new Error("Failed query: insert … params: Ada,Lovelace"), {
      query: "insert …",
      params: ["Ada"],
      cause: {
        code: "23505",
        constraint_name: "users_email_unique",
        detail: "Key (email)=(ada@x.example) already exists.",
      },
    });
    expect(safeError(error)).toEqual({
      type: "Error",
      code: "23505",
      constraint: "users_email_unique",
      table: undefined,
      status: undefined,
      message: undefined,
    });
  });
});
