/** A short state label; its colour repeats what the word says, never replaces it. */
export function Badge({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'neutral' | 'info'; children: string }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

const TONES: Record<string, 'ok' | 'warn' | 'bad' | 'neutral' | 'info'> = {
  ready: 'ok',
  active: 'ok',
  published: 'ok',
  granted: 'ok',
  completed: 'ok',
  accepted: 'ok',
  expiring: 'warn',
  processing: 'info',
  uploaded: 'info',
  waiting: 'info',
  approved: 'info',
  not_started: 'info',
  pending: 'info',
  failed: 'bad',
  expired: 'bad',
  revoked: 'bad',
  refused: 'bad',
  declined: 'bad',
};

export const toneOf = (state: string) => TONES[state] ?? 'neutral';
