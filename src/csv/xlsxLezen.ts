import type { CellValue, Workbook } from 'exceljs';
import { fromDagnummer, fromUtcMiddernacht } from '../domain/kalender/kalenderdatum';
import { formatEuro } from '../domain/bedragen/euro';
import { checkKopregel, type CsvTabel } from './csvLezen';

/** How a column's numbers are read: an Excel date serial, an amount in euros, or plain text. */
export type KolomSoort = 'datum' | 'bedrag' | 'tekst';

export type XlsxUitkomst =
  { ok: true; tabel: CsvTabel; blad: string; bladen: string[] } | { ok: false; melding: string; regel?: number; bladen?: string[]; blad?: string };

/** Excel's serial 25569 is 1970-01-01, day 0 of the calendar's day numbers (1900 date system; 1904: 1462 days on). */
const SERIEEL_1970 = 25_569;

/**
 * Reads one worksheet of an .xlsx (exceljs) as a table: the first, or the one named `blad`. A formula cell gives its
 * cached result — nothing is ever calculated; a date cell or, in a date column, a serial number gives an ISO date;
 * a number in an amount column gives Dutch notation. The caller has checked the zip (checkZipUitgepakt) first.
 */
export async function readXlsx(
  bytes: Uint8Array,
  verplichteKolommen: readonly string[],
  kolomSoorten: Readonly<Record<string, KolomSoort>>,
  blad?: string,
): Promise<XlsxUitkomst> {
  // Loaded with the first spreadsheet, not at server start.
  const { default: ExcelJS } = await import('exceljs');
  const werkmap: Workbook = new ExcelJS.Workbook();
  try {
    await werkmap.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, melding: 'het bestand is geen leesbare .xlsx-werkmap' };
  }
  const bladen = werkmap.worksheets.map((w) => w.name);
  if (bladen.length === 0) return { ok: false, melding: 'de werkmap heeft geen werkbladen' };
  const werkblad = blad ? werkmap.worksheets.find((w) => w.name === blad) : werkmap.worksheets[0];
  if (!werkblad) return { ok: false, melding: `de werkmap heeft geen werkblad "${blad}"; kies uit: ${bladen.join(', ')}`, bladen };
  const datum1904 = Boolean((werkmap.properties as { date1904?: boolean }).date1904);

  const records: { regel: number; velden: string[] }[] = [];
  let kolommen: string[] | undefined;
  werkblad.eachRow({ includeEmpty: false }, (rij) => {
    const waarden = rij.values as CellValue[];
    const velden: string[] = [];
    for (let i = 1; i < waarden.length; i++) {
      const kolom = kolommen?.[i - 1];
      velden.push(formatCel(waarden[i], (kolom && kolomSoorten[kolom]) || 'tekst', datum1904));
    }
    if (!velden.some((v) => v.trim() !== '')) return;
    if (!kolommen) kolommen = velden.map((k) => k.trim().toLocaleLowerCase('nl'));
    records.push({ regel: rij.number, velden });
  });
  const uitkomst = checkKopregel(records, verplichteKolommen, werkblad.name);
  if (!uitkomst.ok) return { ...uitkomst, bladen, blad: werkblad.name };
  return { ok: true, tabel: uitkomst.tabel, blad: werkblad.name, bladen };
}

/** A cell as the text a user would have typed for it. */
export function formatCel(waarde: CellValue | undefined, soort: KolomSoort, datum1904 = false): string {
  if (waarde === null || waarde === undefined) return '';
  if (typeof waarde === 'string') return waarde;
  if (typeof waarde === 'boolean') return waarde ? 'WAAR' : 'ONWAAR';
  if (waarde instanceof Date) return Number.isNaN(waarde.getTime()) ? '' : fromUtcMiddernacht(waarde);
  if (typeof waarde === 'number') {
    if (soort === 'datum' && Number.isInteger(waarde) && waarde > 60 && waarde < 2_958_466) {
      return fromDagnummer(waarde - SERIEEL_1970 + (datum1904 ? 1462 : 0));
    }
    if (soort === 'bedrag' && Number.isFinite(waarde) && waarde >= 0 && waarde < 1e15) return formatEuro(Math.round(waarde * 100));
    return String(waarde);
  }
  if ('formula' in waarde || 'sharedFormula' in waarde) {
    // The cached result the spreadsheet stored; a formula without one reads as empty.
    return formatCel((waarde as { result?: CellValue }).result ?? null, soort, datum1904);
  }
  if ('richText' in waarde) return waarde.richText.map((d) => d.text).join('');
  if ('hyperlink' in waarde) return String((waarde as { text?: unknown }).text ?? '');
  if ('error' in waarde) return String(waarde.error);
  return '';
}
