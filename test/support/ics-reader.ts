/** A small RFC 5545 reader for tests: checks CRLF and the 75-octet limit, unfolds, and returns the events. */
export interface IcsProperty {
  name: string;
  value: string;
}

export function readIcs(text: string): { properties: IcsProperty[]; events: Record<string, string>[]; problems: string[] } {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('does not end with CRLF');
  if (/[^\r]\n/.test(text)) problems.push('has a bare LF');
  const physical = text.replace(/\r\n$/, '').split('\r\n');
  physical.forEach((l, i) => {
    if (new TextEncoder().encode(l).length > 75) problems.push(`line ${i + 1} is longer than 75 octets`);
  });
  const unfolded: string[] = [];
  for (const l of physical) {
    if (l.startsWith(' ') && unfolded.length > 0) unfolded[unfolded.length - 1] += l.slice(1);
    else unfolded.push(l);
  }
  const properties = unfolded.map((l) => ({ name: l.slice(0, l.indexOf(':')), value: l.slice(l.indexOf(':') + 1) }));
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  let depth = 0;
  for (const p of properties) {
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = {};
    else if (p.name === 'END' && p.value === 'VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (p.name === 'BEGIN') depth += 1;
    else if (p.name === 'END') depth -= 1;
    else if (current && depth <= 1 && !(p.name in current)) current[p.name] = p.value;
  }
  return { properties, events, problems };
}
