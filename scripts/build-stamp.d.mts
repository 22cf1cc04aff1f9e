export interface BuildStamp {
  /** Milliseconds since 1970 when the build started reading its sources. */
  startedAt: number;
  /** The source files the build read, relative to the checkout. */
  inputs: string[];
}
export function writeBuildStamp(file: string, stamp: BuildStamp & Record<string, unknown>): void;
export function currentBuildStamp(root: string, file: string): (BuildStamp & Record<string, unknown>) | null;
export function sourceInputs(root: string, files: string[]): string[];
