import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -- --name <change>` writes a migration for schema changes; commit it.
export default defineConfig({
  dialect: 'postgresql',
  schema: './core/db/schema/index.ts',
  out: './core/db/migrations',
});
