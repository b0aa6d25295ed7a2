// How deep parentheses nest in a SQL text. The sqlite3 shell's parser stack is fixed (about 25
// nested calls): a trigger nested deeper would make the whole schema unreadable there, so the
// generated fold triggers (migrations 0008 and 0010) are tested against a bound.
export const SHELL_SAFE_DEPTH = 15;

export function parenDepth(sql: string): number {
  let depth = 0;
  let deepest = 0;
  for (const c of sql) {
    if (c === '(') deepest = Math.max(deepest, ++depth);
    if (c === ')') depth--;
  }
  return deepest;
}
