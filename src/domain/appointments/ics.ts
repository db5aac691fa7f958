/**
 * iCalendar (RFC 5545) for a patient's appointments. Pure: the stamp time (DTSTAMP) is passed in.
 * Source: RFC 5545 §3.1 (lines end in CRLF; lines longer than 75 octets are folded with CRLF + one space,
 * never splitting a UTF-8 character), §3.3.11 (TEXT escaping of backslash, semicolon, comma and newline),
 * §3.3.5 (UTC date-times end in Z), §3.6.1 (VEVENT needs UID and DTSTAMP), §3.8.1.11 (STATUS values).
 */
export interface IcsEvent {
  uid: string;
  start: Date;
  durationMinutes: number;
  summary: string;
  description: string | null;
  location: string | null;
  status: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  /** Incremented when the event changes (RFC 5545 SEQUENCE). */
  sequence: number;
}

export function escapeIcsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

export function formatIcsUtc(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Folds one content line at 75 octets (UTF-8), continuation lines starting with a space. */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function buildIcsCalendar(events: readonly IcsEvent[], stamp: Date, calendarName: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Painpath//Appointments//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeIcsText(calendarName)}`];
  for (const e of events) {
    const end = new Date(e.start.getTime() + e.durationMinutes * 60_000);
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${formatIcsUtc(stamp)}`, `DTSTART:${formatIcsUtc(e.start)}`, `DTEND:${formatIcsUtc(end)}`, `SEQUENCE:${e.sequence}`, `STATUS:${e.status}`, `SUMMARY:${escapeIcsText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeIcsText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeIcsText(e.description)}`);
    if (e.status !== 'CANCELLED') {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT24H', `DESCRIPTION:${escapeIcsText(`Reminder: ${e.summary}`)}`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
