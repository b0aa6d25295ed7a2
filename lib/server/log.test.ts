import { describe, expect, it } from 'vitest';
import { formatLogLine, logEvent, logSink, redact } from './log';

describe('structured log lines', () => {
  it('writes one JSON object with UTC time, request id, actor, action and outcome', () => {
    const line = formatLogLine({ action: 'sign_in', outcome: 'success', actor: 7, address: '10.0.0.1' }, 'req-123', new Date('2026-11-29T05:00:00Z'));
    expect(JSON.parse(line)).toEqual({ ts: '2026-11-29T05:00:00.000Z', level: 'info', requestId: 'req-123', actor: 7, action: 'sign_in', outcome: 'success', address: '10.0.0.1' });
    expect(line).not.toContain('\n');
  });

  it('never writes passwords, tokens, cookies, hashes or secrets, however deeply nested', () => {
    const lines: string[] = [];
    const original = logSink.write;
    logSink.write = (l: string) => (lines.push(l), true);
    try {
      logEvent({
        action: 'sign_in',
        outcome: 'failure',
        password: 'hunter2-secret-password',
        newPassword: 'another-secret-password',
        form: { currentPassword: 'nested-secret-password', email: 'a@example.org' },
        token: 'tok_abcdefghijklmnop',
        sessionToken: 'tok_zyxwvutsrqponm',
        headers: { Cookie: 'mizan_session=tok_cookie_value', Authorization: 'Bearer tok_bearer' },
        passwordHash: 'scrypt$32768$8$1$salt$hash',
        list: [{ apiSecret: 'shh-secret' }],
      });
    } finally {
      logSink.write = original;
    }
    expect(lines).toHaveLength(1);
    const line = lines[0];
    for (const secret of ['hunter2', 'another-secret', 'nested-secret', 'tok_', 'scrypt$', 'shh-secret', 'Bearer']) expect(line).not.toContain(secret);
    expect(JSON.parse(line).form.email).toBe('a@example.org');
    expect(line).toContain('[redacted]');
  });

  it('cuts huge strings and error objects down to name and message', () => {
    const out = redact({ note: 'x'.repeat(10_000), error: new TypeError('boom') }) as { note: string; error: unknown };
    expect(out.note.length).toBeLessThan(600);
    expect(out.error).toEqual({ name: 'TypeError', message: 'boom' });
  });
});
