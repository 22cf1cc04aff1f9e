import { z } from 'zod';

export const backupDto = z.object({
  fileName: z.string(),
  takenAt: z.string(),
  reason: z.enum(['daily', 'before-migration', 'before-import', 'before-restore', 'before-delete', 'manual', 'unknown']),
  sizeBytes: z.int(),
});

export const backupListDto = z.object({ folder: z.string(), backups: z.array(backupDto) });
export type BackupListDto = z.infer<typeof backupListDto>;

export const backupRestoreInput = z.strictObject({ fileName: z.string().regex(/^pamoja-[\w-]+\.db$/) });

/** A file handed to the screens to save: Electron shows a save dialog, a browser downloads it. */
export const fileDto = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type DatabaseExportDto = z.infer<typeof fileDto>;

export const integrityReportDto = z.object({ ok: z.boolean(), problems: z.array(z.string()) });
