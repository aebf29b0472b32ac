import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';

type Def = { type: string; format?: string; [key: string]: unknown };
const defOf = (schema: ZodType): Def => (schema as unknown as { def: Def }).def;

/**
 * A plausible value for a zod schema: what a well-behaved client would send, so that a test
 * can spoil one field at a time and get past the others' validation. Best effort: refinements
 * between fields (end after start) are not known, and that is fine for fuzzing.
 */
export function sampleOf(schema: ZodType, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 8) return undefined;
  switch (def.type) {
    case 'string':
      return sampleString(def);
    case 'number':
    case 'int':
      return 1;
    case 'bigint':
      return 1;
    case 'boolean':
      return true;
    case 'date':
      return new Date().toISOString();
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array':
      return [sampleOf(def.element as ZodType, depth + 1)];
    case 'object':
      return Object.fromEntries(
        Object.entries(objectShape(schema) ?? {})
          .map(([key, field]) => [key, sampleOf(field, depth + 1)])
          .filter(([, value]) => value !== undefined),
      );
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return sampleOf(def.innerType as ZodType, depth + 1);
    case 'pipe':
      return sampleOf(def.in as ZodType, depth + 1);
    case 'union':
      return sampleOf((def.options as ZodType[])[0]!, depth + 1);
    case 'record':
      return {};
    case 'lazy':
      return sampleOf((def.getter as () => ZodType)(), depth + 1);
    default:
      return 'x';
  }
}

function sampleString(def: Def): string {
  switch (def.format) {
    case 'uuid':
    case 'guid':
      return randomUUID();
    case 'url':
      return 'https://example.com/page';
    case 'email':
      return 'someone@example.com';
    case 'datetime':
      return new Date().toISOString();
    case 'date':
      return '2030-01-01';
    default:
      return 'x1';
  }
}

/** The fields of an object schema, looking through optional, default and pipe wrappers; undefined for others. */
export function objectShape(schema: ZodType): Record<string, ZodType> | undefined {
  let current: ZodType | undefined = schema;
  for (let i = 0; current && i < 10; i++) {
    const def = defOf(current);
    if (def.type === 'object') return (current as unknown as { shape: Record<string, ZodType> }).shape;
    current = (def.in ?? def.innerType ?? def.schema) as ZodType | undefined;
  }
  return undefined;
}
