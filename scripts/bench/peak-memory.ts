import fs from 'node:fs';

/**
 * This process's own peak resident memory, in bytes. Linux's maxRSS (process.resourceUsage()) is
 * kept across exec, so a child spawned by the benchmark process, which holds the whole large plan,
 * reports the parent's size (a child that allocated 40 MB said 767 MB); VmHWM in /proc/self/status
 * is the high-water mark of this process's own memory. maxRSS is the fallback where /proc is missing.
 */
export function peakMemoryBytes(): number {
  const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const kibibytes = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  return (kibibytes === undefined ? process.resourceUsage().maxRSS : Number(kibibytes)) * 1024;
}
