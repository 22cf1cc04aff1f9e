import type { ApiClient } from '../../../shared/api/client';
import type { DocxExportInput, DocxFileDto } from '../../../shared/api/methods/docx-export';
import type { Result } from '../../../shared/result';

const POLL_MS = 250;
const GIVE_UP_MS = 5 * 60 * 1000;

/**
 * Starts a Word export and asks for it until the file is ready. The main process packs the file
 * asynchronously, so the API answers a job id first (docx:export) and the file later (docx:job).
 */
export async function produceWordDocument(
  call: ApiClient,
  input: DocxExportInput,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Result<DocxFileDto>> {
  const started = await call('docx:export', input);
  if (!started.ok) return started;
  for (let waited = 0; waited < GIVE_UP_MS; waited += POLL_MS) {
    const job = await call('docx:job', { jobId: started.value.jobId });
    if (!job.ok) return job;
    if (job.value.state === 'done') return { ok: true, value: job.value.file };
    await wait(POLL_MS);
  }
  return {
    ok: false,
    error: { code: 'internal', message: 'The document took more than five minutes to produce. Try again, or use `pamoja export` for a very large plan.' },
  };
}

/** Offers the file to save: a download in the browser; Electron shows its save dialog for it. */
export function saveFile(file: DocxFileDto): void {
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
