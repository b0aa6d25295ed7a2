'use client';

/** Opens the browser's print dialog (Save as PDF gives the one-page brief the print stylesheet lays out). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-accent-700 hover:bg-accent-50">
      {label}
    </button>
  );
}
