// Session lifetimes, configurable by environment (minutes). Defaults follow OWASP ASVS L2:
// sessions end after 30 idle minutes and at most 12 hours after sign-in.
function minutes(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export const sessionConfig = {
  get idleMinutes() {
    return minutes('MIZAN_SESSION_IDLE_MINUTES', 30);
  },
  get absoluteMinutes() {
    return minutes('MIZAN_SESSION_MAX_MINUTES', 12 * 60);
  },
};

/** Sign-in rate limits: failures allowed per window, per account and per client address. */
export const signInLimits = { windowMinutes: 15, perAccount: 5, perAddress: 20 };
