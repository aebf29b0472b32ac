import { sql } from 'drizzle-orm';
import { migrateDatabase, type Database } from '../../../core/db';
import { testDatabases } from '../../helpers/test-database';

const tables = [
  'api_keys',
  'asset_products',
  'assets',
  'audit_log',
  'comment_corrections',
  'comments',
  'creator_codes',
  'creator_page_links',
  'creators',
  'faq_entries',
  'instance_settings',
  'license_assets',
  'license_notifications',
  'licenses',
  'renditions',
  'rights_request_assets',
  'rights_request_originals',
  'rights_requests',
  'takedown_requests',
  'tracking_link_clicks',
  'tracking_links',
  'usages',
  'webhook_deliveries',
  'webhook_delivery_attempts',
  'webhooks',
];
/** Every migration drizzle-kit generated. */
const migrations = (require('../../../core/db/migrations/meta/_journal.json') as { entries: unknown[] }).entries.length;

describe.each(testDatabases({ migrate: false }))('migrateDatabase on %s', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(() => database.close());

  const publicTables = async () =>
    (
      await database.db.execute<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`)
    ).rows.map((r) => r.name);

  const appliedMigrations = async () => (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)).rows[0]?.n;

  it('applies the migrations to a fresh database, even with two migrators at once', async () => {
    expect(await publicTables()).toEqual([]);
    await Promise.all([migrateDatabase(database), migrateDatabase(database)]);
    expect(await publicTables()).toEqual(tables);
    expect(await appliedMigrations()).toBe(migrations);
  });

  it('does nothing when run again', async () => {
    await migrateDatabase(database);
    await migrateDatabase(database);
    expect(await publicTables()).toEqual(tables);
    expect(await appliedMigrations()).toBe(migrations);
  });

  it('answers ping', async () => {
    await expect(database.ping()).resolves.toBeUndefined();
  });
});
