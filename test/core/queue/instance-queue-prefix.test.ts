import { loadConfig } from '../../../core/config';
import { openDatabase, type Database } from '../../../core/db';
import { withInstanceQueuePrefix } from '../../../core/queue/instance-queue-prefix';
import { pgliteTemplate } from '../../helpers/pglite-template';

/** With QUEUE_PREFIX unset, each database has its own prefix, the same every time it is asked. */
const opened: Database[] = [];
const database = async () => {
  const db = await openDatabase({ loadDataDir: await pgliteTemplate() });
  opened.push(db);
  return db;
};
afterAll(async () => {
  for (const db of opened) await db.close();
});

it('derives ugc-<12 hex digits> from the database, stable for it and different for another', async () => {
  const config = loadConfig({ DATA_DIR: '/tmp/unused' });
  expect(config).toMatchObject({ queuePrefix: 'ugc', queuePrefixSource: 'default' });
  const one = await database();
  const first = await withInstanceQueuePrefix(config, one.db);
  expect(first).toMatchObject({ queuePrefix: expect.stringMatching(/^ugc-[0-9a-f]{12}$/), queuePrefixSource: 'instance' });
  expect((await withInstanceQueuePrefix(config, one.db)).queuePrefix).toBe(first.queuePrefix);
  expect((await withInstanceQueuePrefix(config, (await database()).db)).queuePrefix).not.toBe(first.queuePrefix);
});

it('keeps an explicit QUEUE_PREFIX', async () => {
  const config = loadConfig({ DATA_DIR: '/tmp/unused', QUEUE_PREFIX: 'shared' });
  expect(await withInstanceQueuePrefix(config, (await database()).db)).toMatchObject({ queuePrefix: 'shared', queuePrefixSource: 'env' });
});
