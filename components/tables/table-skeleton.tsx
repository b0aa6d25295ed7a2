/** Placeholder rows while a view loads: same frame as the table, so nothing jumps. */
export function TableSkeleton({ label, rows = 8, columns = 6 }: { label: string; rows?: number; columns?: number }) {
  return (
    <div role="status" aria-live="polite" className="rounded-xl border border-line bg-white p-5">
      <span className="sr-only">{label}</span>
      <div className="mb-4 h-9 w-2/3 animate-pulse rounded-md bg-canvas" />
      <div className="space-y-3">
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="flex gap-4">
            {Array.from({ length: columns }, (_, c) => (
              <div key={c} className="h-4 flex-1 animate-pulse rounded bg-canvas" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
