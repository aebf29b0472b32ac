/**
 * Polls check() until it returns true (→ true), timeoutMs passes or `until` settles
 * (→ false). A check that throws counts as "not yet".
 */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  { timeoutMs, intervalMs = 100, until }: { timeoutMs: number; intervalMs?: number; until?: Promise<unknown> },
): Promise<boolean> {
  let stopped = false;
  void until?.then(
    () => (stopped = true),
    () => (stopped = true),
  );
  const deadline = Date.now() + timeoutMs;
  while (!stopped && Date.now() < deadline) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}
