/**
 * Lets the event loop turn once. vitest runs a file's tests one after another through promises
 * alone, so synchronous work never lets the test worker read vitest's replies; blocked for a minute
 * on a busy machine, the worker fails the run with `Timeout calling "onTaskUpdate"` although every
 * test passed. Long synchronous loops await this now and then.
 */
export const yieldToRunner = () => new Promise<void>((resolve) => setImmediate(resolve));
