/**
 * The one error type of the ROM layer. Its message is meant for the user as is: it names the file or
 * set and says what is wrong, so callers print `e.message` and never a stack trace.
 *
 * Most messages are one line. `loadSet` is the exception: a set that cannot run lists every missing or
 * wrong-size file, so its message is a summary line followed by one line per file (also in `details`).
 */
export class RomError extends Error {
  override name = 'RomError';
  constructor(
    message: string,
    /** the per-file lines, when the error is about several files */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A short description of any thrown value, for wrapping library errors into a RomError. */
export function describeError(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? `${e.message.replace(/^[A-Z]+: /, '')} (${code})` : e.message;
  }
  return String(e);
}
