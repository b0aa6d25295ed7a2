import type { ReactNode } from 'react';

export function Card({ title, children, actions, id }: { title?: ReactNode; children: ReactNode; actions?: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={title && id ? `${id}-title` : undefined} className="rounded-xl border border-line bg-white shadow-xs">
      {title ? (
        <div className="flex items-center justify-between gap-4 border-b border-line px-5 py-3">
          <h2 id={id ? `${id}-title` : undefined} className="text-base font-semibold">
            {title}
          </h2>
          {actions}
        </div>
      ) : null}
      <div className="p-5">{children}</div>
    </section>
  );
}
