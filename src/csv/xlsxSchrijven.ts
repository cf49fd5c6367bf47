import type { Workbook } from 'exceljs';
import { toUtcMiddernacht } from '../domain/kalender/kalenderdatum';

/** A column of an exported list: its Dutch header, how its values are typed, and its width in characters. */
export interface ExportKolom {
  kop: string;
  /** tekst: a string cell; getal: a number (text stays text, e.g. "2026, 2027"); datum: an ISO date as a date cell; bedrag: euro cents as a euro amount. */
  soort: 'tekst' | 'getal' | 'datum' | 'bedrag';
  breedte: number;
}

export type ExportWaarde = string | number | null | undefined;

/** "1 december 2026" in any spreadsheet, whatever its own language: the Dutch locale (LCID 0x413) is in the format. */
export const DATUM_FORMAAT = '[$-413]d mmmm yyyy';
export const EURO_FORMAAT = '[$€-413] #,##0.00;[$€-413] -#,##0.00';

/**
 * One worksheet as an .xlsx (exceljs): a bold header row that stays in view (frozen) with a filter, the widths set,
 * dates as real date cells, amounts as euro numbers. Text is always a string cell: exceljs writes a formula only from
 * an explicit { formula }, so a value like "=HYPERLINK(…)" is stored and shown as the text it is, never run.
 */
export async function createXlsx(
  bladnaam: string,
  kolommen: readonly ExportKolom[],
  rijen: Iterable<readonly ExportWaarde[]>,
): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded with the first export, not at server start.
  const { default: ExcelJS } = await import('exceljs');
  const werkmap: Workbook = new ExcelJS.Workbook();
  werkmap.creator = 'Termijnbewaking Wmg 105';
  const blad = werkmap.addWorksheet(bladnaam, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  blad.columns = kolommen.map((k) => ({
    header: k.kop,
    width: k.breedte,
    style: k.soort === 'datum' ? { numFmt: DATUM_FORMAAT } : k.soort === 'bedrag' ? { numFmt: EURO_FORMAAT } : {},
  }));
  // The whole font, not only bold: a font object without its name falls back to the viewer's default (a wider serif).
  blad.getRow(1).font = { name: 'Calibri', family: 2, size: 11, bold: true };
  blad.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: kolommen.length } };
  for (const waarden of rijen) {
    blad.addRow(kolommen.map((k, i) => formatXlsxWaarde(k, waarden[i])));
  }
  return new Uint8Array((await werkmap.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A value as the cell it becomes: a UTC Date for a date (a calendar date, no zone: ADR 0003), euros for cents. */
function formatXlsxWaarde(kolom: ExportKolom, waarde: ExportWaarde): string | number | Date | null {
  if (waarde === null || waarde === undefined || waarde === '') return null;
  if (kolom.soort === 'datum' && typeof waarde === 'string') return toUtcMiddernacht(waarde);
  if (kolom.soort === 'bedrag' && typeof waarde === 'number') return waarde / 100;
  if (kolom.soort === 'getal' && typeof waarde === 'number') return waarde;
  return String(waarde);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
