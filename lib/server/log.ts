import 'server-only';
import { headers } from 'next/headers';

// Structured JSON lines on stdout, one per event, for whatever collects the process output.
// Fields: ts (UTC ISO), level, requestId (set by proxy.ts on every request), actor, action,
// outcome, then event details. Secrets never reach the line: keys that name a password, token,
// cookie or secret are replaced, whatever the caller passes (see log.test.ts).

export type LogEntry = {
  action: string;
  outcome: 'success' | 'failure' | 'refused' | 'error';
  actor?: number | null;
  level?: 'info' | 'warn' | 'error';
  [detail: string]: unknown;
};

const SECRET_KEY = /pass(word)?|token|secret|cookie|authori[sz]ation|session|hash|credential/i;
const MAX_STRING = 500;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (value instanceof Error) return { name: value.name, message: redact(value.message, depth + 1) };
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}

/** The output, replaceable in tests. */
export const logSink = { write: (line: string) => process.stdout.write(line + '\n') };

export function formatLogLine(entry: LogEntry, requestId: string | undefined, now = new Date()): string {
  const { action, outcome, actor, level, ...details } = entry;
  return JSON.stringify({
    ts: now.toISOString(),
    level: level ?? (outcome === 'error' ? 'error' : outcome === 'success' ? 'info' : 'warn'),
    requestId: requestId ?? null,
    actor: actor ?? null,
    action,
    outcome,
    ...(redact(details) as object),
  });
}

/**
 * Logs one event. The request id comes from the request headers when there is a request; the
 * headers() call is made synchronously so it binds to the current request even from sync code.
 */
export function logEvent(entry: LogEntry): void {
  const now = new Date();
  let pending: Promise<Headers> | undefined;
  try {
    pending = headers() as unknown as Promise<Headers>;
  } catch {
    pending = undefined; // outside a request (scripts, tests)
  }
  if (!pending) {
    logSink.write(formatLogLine(entry, undefined, now));
    return;
  }
  pending.then(
    (h) => logSink.write(formatLogLine(entry, h.get('x-request-id') ?? undefined, now)),
    () => logSink.write(formatLogLine(entry, undefined, now)),
  );
}
