import { formatDisplayDate, isoDate } from '../../../shared/dates';

export const backupReasons: Record<string, string> = {
  daily: 'Daily backup',
  'before-migration': 'Before an app update',
  'before-import': 'Before an import',
  'before-restore': 'Before a restore',
  'before-delete': 'Before a cycle was deleted',
  manual: 'Backed up by hand',
  unknown: 'Backup',
};

/** "25 Nov 2026, 08:30" in the laptop's time zone. */
export function formatTakenAt(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const day = isoDate(at.getFullYear(), at.getMonth() + 1, at.getDate());
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return `${formatDisplayDate(day)}, ${time}`;
}

/** "3.4 MB", "820 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The exported database handed to the browser (or Electron) as a download. */
export function saveBase64File(file: { fileName: string; mimeType: string; base64: string }): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.click();
  // Give the download a moment to start before the address is let go.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
