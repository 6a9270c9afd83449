/** People only the browser tests use, seeded by e2e/support/fixtures.ts before the server starts. */
export const e2ePeople = { longHistory: "history@patients.example" } as const;
