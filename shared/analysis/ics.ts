import { addDays } from '../dates';
import type { CalendarEventDto } from '../api/schemas/analysis/calendar';

/**
 * The joint calendar as an iCalendar file (RFC 5545) that Outlook and Google Calendar import:
 * all-day events (DTSTART;VALUE=DATE with the exclusive DTEND of the next day), CRLF line endings,
 * text escaped, and lines folded at 75 octets without splitting a UTF-8 character.
 */
export function calendarToIcs(input: {
  events: readonly CalendarEventDto[];
  cycleId: string;
  calendarName: string;
  /** When the file was made, as an ISO timestamp (DTSTAMP of every event). */
  generatedAt: string;
}): string {
  const stamp = utcStamp(input.generatedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Pamoja JWP//Joint calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.calendarName)}`,
  ];
  for (const event of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      // Stable per event and cycle: importing a newer export updates events instead of doubling them.
      `UID:${event.id}.${input.cycleId}@pamoja-jwp`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(event.date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.title)}`,
      `DESCRIPTION:${escapeText(event.detail ? `${event.category}. ${event.detail}` : event.category)}`,
      `CATEGORIES:${escapeText(event.category)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

const compactDate = (iso: string) => iso.replace(/-/g, '');

/** 2026-11-25T08:00:00.000Z → 20261125T080000Z. */
function utcStamp(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

/** TEXT values: backslash, semicolon, comma and newline are escaped (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Lines longer than 75 octets continue on lines that start with one space (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    // The first line holds 75 octets; each continuation holds the leading space plus 74.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
