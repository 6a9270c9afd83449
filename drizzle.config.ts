import { defineConfig } from "drizzle-kit";

// Only generates migrations from the schema; applying them is db/migrate.ts (both drivers).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
