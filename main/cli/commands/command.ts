export interface Command {
  /** Returns the exit code: 0 done, non-zero as each command documents. */
  run(args: string[]): Promise<number>;
}
