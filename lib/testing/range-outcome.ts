/** A result, or 'RangeError' when the computation refuses an amount outside the safe integer range. */
export function rangeOutcome<T>(f: () => T): T | 'RangeError' {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) return 'RangeError';
    throw e;
  }
}
