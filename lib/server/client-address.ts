import 'server-only';
import { headers } from 'next/headers';

/**
 * The caller's address for rate limiting. X-Forwarded-For is trusted only when the operator says
 * a proxy sets it (MIZAN_TRUST_PROXY=true); otherwise anyone could rotate it to dodge the limit.
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  if (process.env.MIZAN_TRUST_PROXY === 'true') {
    const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return h.get('x-real-ip')?.slice(0, 64) ?? 'direct';
}
