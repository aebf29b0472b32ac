/** A labelled progress bar (the native element, which screen readers announce with its value). */
export function ProgressBar({ label, fraction }: { label: string; fraction: number | null }) {
  const percent = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="progress">
      <progress aria-label={label} max={100} value={percent ?? undefined} />
      <span className="progress-value" aria-hidden="true">
        {percent === null ? '…' : `${percent} %`}
      </span>
    </div>
  );
}
