import iconv from 'iconv-lite';

/** The encodings the import reads, named as the preview shows them. */
export type Codering = 'UTF-8' | 'UTF-8 met BOM' | 'UTF-16 LE met BOM' | 'UTF-16 BE met BOM' | 'Windows-1252';

export type DecodeerUitkomst = { ok: true; tekst: string; codering: Codering } | { ok: false; melding: string };

/**
 * Decodes the text of an uploaded CSV: a byte order mark decides (UTF-8, UTF-16 LE or BE); without one, bytes that are
 * valid UTF-8 are UTF-8, anything else is Windows-1252 (what Excel's "CSV (gescheiden door lijstscheidingsteken)"
 * writes on a Dutch Windows). Text with NUL bytes or other control characters is no CSV at all.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodeerUitkomst {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let tekst: string;
  let codering: Codering;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    codering = 'UTF-8 met BOM';
    tekst = iconv.decode(buf.subarray(3), 'utf-8', { stripBOM: false });
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    codering = 'UTF-16 LE met BOM';
    tekst = iconv.decode(buf.subarray(2), 'utf-16le', { stripBOM: false });
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    codering = 'UTF-16 BE met BOM';
    tekst = iconv.decode(buf.subarray(2), 'utf-16be', { stripBOM: false });
  } else if (isUtf8(buf)) {
    codering = 'UTF-8';
    tekst = iconv.decode(buf, 'utf-8', { stripBOM: false });
  } else {
    codering = 'Windows-1252';
    tekst = iconv.decode(buf, 'windows-1252', { stripBOM: false });
  }
  // Tab, line feed and carriage return belong in a CSV; other control characters (NUL above all) mean a binary file.
  // U+FFFD: a UTF-8 or UTF-16 file that says it is one but is not.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(tekst)) {
    return { ok: false, melding: 'het bestand is geen spreadsheet: geen .xlsx en geen CSV-tekst' };
  }
  return { ok: true, tekst, codering };
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}
