'use client';

// Last resort when even the root layout fails: no translations or styles can be loaded, so the
// page carries both languages itself and only the reference the server logged (never a stack).
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const ref = error.digest ?? '—';
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, padding: '4rem 1.5rem', color: '#1f2933' }}>
        <main style={{ maxWidth: '36rem', margin: '0 auto', textAlign: 'center' }}>
          <h1 style={{ fontSize: '1.5rem' }}>Mizan could not show this page</h1>
          <p>The error has been logged. Reload the page, or quote reference {ref} when you ask for help.</p>
          <div lang="ar" dir="rtl">
            <h2 style={{ fontSize: '1.5rem' }}>تعذّر على ميزان عرض هذه الصفحة</h2>
            <p>سُجّل الخطأ. أعد تحميل الصفحة، أو اذكر المرجع {ref} عند طلب المساعدة.</p>
          </div>
          <p>
            <a href="/">Mizan · ميزان</a>
          </p>
        </main>
      </body>
    </html>
  );
}
