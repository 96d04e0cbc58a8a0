import { defineConfig } from "drizzle-kit";

// `npm run db:generate` diffs db/schema.ts against the migrations and writes the next one.
// It needs no database; applying migrations is `npm run db:migrate`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
