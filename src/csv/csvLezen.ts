import { CsvError, parse } from 'csv-parse/sync';

export type Scheidingsteken = ';' | ',' | '\t';

/** A parsed table: the header names (lower-cased, trimmed) and the data rows with their row number in the file. */
export interface CsvTabel {
  kolommen: string[];
  rijen: { regel: number; waarden: Record<string, string> }[];
}

export type CsvUitkomst = { ok: true; tabel: CsvTabel; scheidingsteken: Scheidingsteken } | { ok: false; melding: string; regel?: number };

/**
 * Reads CSV as spreadsheets write it (csv-parse): ';', ',' or tab (detected from the header line, outside quotes),
 * quoted fields with "" escapes, CRLF, LF or CR. Blank lines are skipped; a row number is the line it starts on.
 */
export function readCsv(tekst: string, verplichteKolommen: readonly string[]): CsvUitkomst {
  const schoon = tekst.replace(/^\uFEFF/, '');
  const scheidingsteken = detectScheidingsteken(schoon);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(schoon, {
      delimiter: scheidingsteken,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const regel = (e as CsvError & { lines?: number }).lines;
    return {
      ok: false,
      melding:
        e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'een veld tussen aanhalingstekens wordt niet afgesloten' : 'de CSV-tekst is niet te lezen (aanhalingstekens)',
      ...(regel ? { regel } : {}),
    };
  }
  const regels = records
    .filter(({ record }) => record.some((v) => v.trim() !== ''))
    // csv-parse counts the line a record ends on; a quoted field may span lines.
    .map(({ record, info }) => ({ regel: info.lines - record.reduce((n, v) => n + (v.match(/\r\n|\n|\r/g)?.length ?? 0), 0), velden: record }));
  return checkKopregel(regels, verplichteKolommen, scheidingsteken);
}

/** Header and rows of records read from any source (CSV or a worksheet): the required columns checked, values trimmed. */
export function checkKopregel<S extends string>(
  records: readonly { regel: number; velden: readonly string[] }[],
  verplichteKolommen: readonly string[],
  scheidingsteken: S,
): { ok: true; tabel: CsvTabel; scheidingsteken: S } | { ok: false; melding: string; regel?: number } {
  const [kop, ...data] = records;
  if (!kop) return { ok: false, melding: 'het bestand is leeg' };
  const kolommen = kop.velden.map((k) => k.trim().toLocaleLowerCase('nl'));
  const ontbrekend = verplichteKolommen.filter((k) => !kolommen.includes(k));
  if (ontbrekend.length) {
    return {
      ok: false,
      melding: `kolom${ontbrekend.length > 1 ? 'men' : ''} ${ontbrekend.join(', ')} ontbreekt in de kopregel (verwacht: ${verplichteKolommen.join(';')})`,
      regel: kop.regel,
    };
  }
  const rijen = data.map((r) => ({ regel: r.regel, waarden: Object.fromEntries(kolommen.map((k, i) => [k, (r.velden[i] ?? '').trim()])) }));
  return { ok: true, tabel: { kolommen, rijen }, scheidingsteken };
}

/** The separator that occurs most often in the first non-blank line, outside quotes; ';' on a tie (Dutch Excel's). */
export function detectScheidingsteken(tekst: string): Scheidingsteken {
  const telling = { ';': 0, ',': 0, '\t': 0 };
  let inAanhaling = false;
  let gezien = false;
  for (const teken of tekst) {
    if (teken === '"') inAanhaling = !inAanhaling;
    else if (!inAanhaling && (teken === '\n' || teken === '\r')) {
      if (gezien) break;
    } else if (!inAanhaling && (teken === ';' || teken === ',' || teken === '\t')) telling[teken]++;
    if (teken.trim() !== '') gezien = true;
  }
  return telling[';'] >= telling[','] && telling[';'] >= telling['\t'] ? ';' : telling[','] >= telling['\t'] ? ',' : '\t';
}
