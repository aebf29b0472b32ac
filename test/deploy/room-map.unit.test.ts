import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * docs/architecture.md's room map and the boundary rules `npm test` enforces
 * (.dependency-cruiser.cjs) say the same thing, and every folder of core/ is a room in both.
 */
const ROOT = path.resolve(__dirname, '../..');

interface Rule {
  name: string;
  to: { pathNot?: string };
}
// The rules are a CommonJS config file (what dependency-cruiser reads).
const { forbidden } = createRequire(__filename)(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: Rule[] };

/** Room → the rooms it may import, from the rules: `^core/(room|a|b)/` lists the room itself first. */
function roomsInRules(): Map<string, string[]> {
  const rooms = new Map<string, string[]>();
  for (const rule of forbidden.filter((r) => r.name.startsWith('core/'))) {
    const [, group] = /^\^core\/\(([^)]*)\)\/$/.exec(rule.to.pathNot ?? '') ?? [];
    const [self, ...mayImport] = (group ?? '').split('|');
    expect(`core/${self}`).toBe(rule.name);
    rooms.set(rule.name, mayImport.sort());
  }
  return rooms;
}

/** Room → the rooms it may import, from the doc's table rows "| `core/x` | holds | `a`, `b` |". */
function roomsInDoc(): Map<string, string[]> {
  const doc = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
  const rooms = new Map<string, string[]>();
  for (const [, room, mayImport] of doc.matchAll(/^\| `(core\/[a-z-]+)` \|[^|]*\| ([^|]*) \|$/gm)) {
    rooms.set(room!, [...mayImport!.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!).sort());
  }
  return rooms;
}

test('the room map in docs/architecture.md is the one the boundary check enforces', () => {
  const rules = roomsInRules();
  const doc = roomsInDoc();
  expect(rules.size).toBeGreaterThan(10);
  expect(Object.fromEntries(doc)).toEqual(Object.fromEntries(rules));
});

test('every folder of core/ is a room of the map', () => {
  const folders = readdirSync(path.join(ROOT, 'core'))
    .filter((name) => statSync(path.join(ROOT, 'core', name)).isDirectory())
    .map((name) => `core/${name}`)
    .sort();
  expect([...roomsInRules().keys()].sort()).toEqual(folders);
});
