import { formatEuro } from '../domain/bedragen/euro';
import type { ExportKolom, ExportWaarde } from './xlsxSchrijven';
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

/**
 * A typed export row (see ExportKolom) as CSV values: dates as `formatDatum` writes them, amounts in cents as Dutch
 * notation without the euro sign ("1.912.345.678,90", which a Dutch spreadsheet reads as a number).
 */
export function formatCsvWaarden(
  kolommen: readonly ExportKolom[],
  waarden: readonly ExportWaarde[],
  formatDatum: (iso: string) => string,
): (string | number | null | undefined)[] {
  return kolommen.map((k, i) => {
    const w = waarden[i];
    if (k.soort === 'datum' && typeof w === 'string' && w !== '') return formatDatum(w);
    if (k.soort === 'bedrag' && typeof w === 'number') return formatEuro(w).replace('€ ', '');
    return w;
  });
}
