/** People only the browser tests use, seeded by e2e/support/fixtures.ts before the server starts. */
export const e2ePeople = {
  longHistory: "history@patients.example",
  // Asks for links through Auth.js's own endpoint until refused: nobody else's sign-in may depend on her budget.
  linkFlood: "flood@patients.example",
  // Gave recording consent to a 2025 text that the 2026 text lapsed: the consent review flow is hers alone.
  consentReview: "review@patients.example",
} as const;
