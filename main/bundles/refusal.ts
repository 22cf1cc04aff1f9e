/**
 * A bundle that cannot be imported, with the reason in plain words. Thrown while reading and
 * checking a file; the preview turns it into a "refused" answer, never a crash.
 */
export class BundleRefusal extends Error {
  constructor(
    message: string,
    /** Each problem found, when there is more than one (one sentence each). */
    readonly problems: string[] = [message],
  ) {
    super(message);
    this.name = 'BundleRefusal';
  }
}

/** A function declaration with a `never` result, so the compiler knows nothing runs after it. */
export function refuse(message: string, problems?: string[]): never {
  throw new BundleRefusal(message, problems);
}

/** "1 activity", "3 activities". */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** Sizes for messages: "12.4 MB", or "4 KB" for less than a megabyte. */
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
