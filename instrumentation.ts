import type { Instrumentation } from 'next';

/**
 * At server start-up: hand the page cache (lib/server/page-cache) to the HTTP server in
 * scripts/serve.mjs. Node runtime only: it reads sessions and the data revision from SQLite.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installPageCache } = await import('./lib/server/page-cache/install');
  installPageCache();
}

/**
 * Every unhandled server error becomes one structured log line carrying the digest that the
 * error page shows as its reference, and the request id, so a quoted reference finds the line.
 * Only the error's name and message are logged, never request bodies or cookies.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const err = error as Error & { digest?: string };
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  console.log(
    JSON.stringify({
      ts: new Date().toISOString(),
      level: 'error',
      requestId: header('x-request-id') ?? null,
      actor: null,
      action: 'request',
      outcome: 'error',
      reference: err.digest ?? null,
      method: request.method,
      path: request.path.split('?')[0].slice(0, 300),
      route: context.routePath,
      kind: context.routeType,
      error: { name: err.name, message: String(err.message).slice(0, 500) },
    }),
  );
};
