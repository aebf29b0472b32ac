/**
 * PostgreSQL text and jsonb cannot hold NUL (U+0000): a value carrying one fails in the database
 * as a server error. Requests are checked for it up front instead.
 */

/**
 * Where the first NUL character in a parsed JSON value is: a dotted path to the string or key
 * holding it (`''` for the value itself), or null when there is none. Iterative, so a deeply
 * nested body cannot overflow the stack.
 */
export function findNulCharacter(value: unknown): string | null {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push({ value: item, path: join(path, String(i)) }));
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return join(path, key);
        pending.push({ value: item, path: join(path, key) });
      }
    }
  }
  return null;
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
