import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * Facts about this installation that every process sharing its database must agree on, one
 * row each: `instance_id`, from which the default queue prefix is derived, so that two
 * installations on one Redis never take each other's jobs.
 */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});
