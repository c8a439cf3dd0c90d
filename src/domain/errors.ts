/**
 * Bad input is an answer, not a crash: one error that names the file, the path inside it, what was
 * expected and what was found. Nothing is written when one is thrown.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly expected: string,
    readonly got?: unknown,
  ) {
    super(`${file}: ${path || '(root)'}: ${expected}${got === undefined ? '' : `, got ${describe(got)}`}`);
    this.name = 'InputError';
  }
}

/** A JSON path like `events[12].seconds` from zod-style path segments. */
export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
