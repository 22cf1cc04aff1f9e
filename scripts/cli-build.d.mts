/** The entry file of the current build of the `pamoja` command, or null when there is none or it is stale. */
export function currentCliBuild(root: string): string | null;
/** Builds the command and makes it current; returns its entry file. */
export function buildCli(root: string): Promise<string>;
/** The banner an ES module bundle needs when it holds CommonJS packages that call require(). */
export const REQUIRE_BANNER: string;
