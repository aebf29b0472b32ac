import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** The columns every table spells the same way. Times are always timestamptz, read as Dates. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

export const id = () => uuid('id').primaryKey().defaultRandom();

export const createdAt = () => timestamptz('created_at').notNull().defaultNow();

export const updatedAt = () =>
  timestamptz('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
