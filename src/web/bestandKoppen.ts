/** The headers of a file a route sends: its media type, and `attachment` with its name. */

export const ICS = { 'Content-Type': 'text/calendar; charset=utf-8' } as const;
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `attachment` with a plain fallback name and the real one (RFC 6266 / 5987): en dash and é survive in every browser. */
export function contentDisposition(bestandsnaam: string): string {
  const ascii = bestandsnaam
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, (t) => (t === '–' ? '-' : ''))
    .replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(bestandsnaam)}`;
}
