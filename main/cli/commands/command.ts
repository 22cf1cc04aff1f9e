export interface Command {
  /** One line for `pamoja --help`: the command, its flags, and what it does. */
  summary: string;
  /** Returns the exit code: 0 done, non-zero as each command documents. */
  run(args: string[]): Promise<number>;
}
