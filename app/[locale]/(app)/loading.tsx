/** Shown while a signed-in page loads: the shape of the page, quietly pulsing. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse space-y-6">
      <div className="h-8 w-72 rounded-md bg-line" />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 rounded-xl border border-line bg-white" />
        ))}
      </div>
      <div className="h-64 rounded-xl border border-line bg-white" />
    </div>
  );
}
