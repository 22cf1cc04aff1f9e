import type { ApiClient } from '../../../shared/api/client';
import type { XlsxExportResultDto, XlsxJobResultDto } from '../../../shared/api/methods/xlsx';
import type { Result } from '../../../shared/result';

const POLL_MS = 200;
const GIVE_UP_MS = 5 * 60 * 1000;

type Wait = (ms: number) => Promise<void>;
const sleep: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs an Excel job to its end: the main process builds and reads workbooks asynchronously, so
 * each operation answers a job id first and the result later (xlsx:job).
 */
export async function runXlsxJob(started: Promise<Result<{ jobId: string }>>, call: ApiClient, wait: Wait = sleep): Promise<Result<XlsxJobResultDto>> {
  const start = await started;
  if (!start.ok) return start;
  for (let waited = 0; waited < GIVE_UP_MS; waited += POLL_MS) {
    const job = await call('xlsx:job', { jobId: start.value.jobId });
    if (!job.ok) return job;
    if (job.value.state === 'done') return { ok: true, value: job.value.result };
    await wait(POLL_MS);
  }
  return {
    ok: false,
    error: { code: 'internal', message: 'The workbook took more than five minutes. Try again, or use the `pamoja` command for a very large plan.' },
  };
}

/** Offers the workbook to save: a download in the browser; Electron shows its save dialog for it. */
export function saveWorkbook(file: XlsxExportResultDto): void {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke on the next turn: the click starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A picked file as base64, for the API (which carries JSON). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a whole file's bytes overflows the call stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}
