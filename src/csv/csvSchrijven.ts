/**
 * One CSV line with ';' (what Dutch Excel opens directly). Values that a spreadsheet would run as a formula are
 * prefixed with an apostrophe, so exported text can never execute.
 */
export function formatCsvRegel(waarden: readonly (string | number | null | undefined)[]): string {
  return waarden
    .map((w) => {
      let tekst = w === null || w === undefined ? '' : String(w);
      if (typeof w === 'string' && /^[=+\-@\t\r]/.test(tekst)) tekst = `'${tekst}`;
      return /[;"\n\r]/.test(tekst) ? `"${tekst.replace(/"/g, '""')}"` : tekst;
    })
    .join(';');
}

/** A whole CSV document with a BOM, so Excel reads the UTF-8 correctly. */
export function formatCsv(kop: readonly string[], rijen: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${[kop, ...rijen].map(formatCsvRegel).join('\r\n')}\r\n`;
}
