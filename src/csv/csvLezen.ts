/** A parsed CSV: the header names (lower-cased, trimmed) and the data rows with their line number in the file. */
export interface CsvTabel {
  kolommen: string[];
  rijen: { regel: number; waarden: Record<string, string> }[];
  scheidingsteken: ';' | ',';
}

export type CsvUitkomst = { ok: true; tabel: CsvTabel } | { ok: false; melding: string; regel?: number };

/**
 * Reads CSV as Dutch spreadsheets write it: ';' or ',' (detected from the header), quoted fields with "" escapes,
 * CRLF or LF, an optional UTF-8 BOM. Empty lines are skipped.
 */
export function readCsv(tekst: string, verplichteKolommen: readonly string[]): CsvUitkomst {
  const schoon = tekst.replace(/^\uFEFF/, '');
  const eersteRegel = schoon.slice(0, schoon.search(/\r?\n|$/));
  const scheidingsteken = (eersteRegel.match(/;/g)?.length ?? 0) >= (eersteRegel.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: { regel: number; velden: string[] }[] = [];
  let veld = '';
  let velden: string[] = [];
  let inAanhaling = false;
  let regel = 1;
  let startRegel = 1;
  for (let i = 0; i < schoon.length; i++) {
    const teken = schoon[i]!;
    if (inAanhaling) {
      if (teken === '"') {
        if (schoon[i + 1] === '"') {
          veld += '"';
          i++;
        } else inAanhaling = false;
      } else {
        if (teken === '\n') regel++;
        veld += teken;
      }
      continue;
    }
    if (teken === '"' && veld === '') inAanhaling = true;
    else if (teken === scheidingsteken) {
      velden.push(veld);
      veld = '';
    } else if (teken === '\n' || teken === '\r') {
      if (teken === '\r' && schoon[i + 1] === '\n') i++;
      velden.push(veld);
      if (velden.some((v) => v.trim() !== '')) records.push({ regel: startRegel, velden });
      velden = [];
      veld = '';
      regel++;
      startRegel = regel;
    } else veld += teken;
  }
  if (inAanhaling) return { ok: false, melding: 'een veld tussen aanhalingstekens wordt niet afgesloten', regel: startRegel };
  velden.push(veld);
  if (velden.some((v) => v.trim() !== '')) records.push({ regel: startRegel, velden });

  const [kop, ...data] = records;
  if (!kop) return { ok: false, melding: 'het bestand is leeg' };
  const kolommen = kop.velden.map((k) => k.trim().toLocaleLowerCase('nl'));
  const ontbrekend = verplichteKolommen.filter((k) => !kolommen.includes(k));
  if (ontbrekend.length) {
    return {
      ok: false,
      melding: `kolom${ontbrekend.length > 1 ? 'men' : ''} ${ontbrekend.join(', ')} ontbreekt in de kopregel (verwacht: ${verplichteKolommen.join(scheidingsteken)})`,
      regel: 1,
    };
  }
  const rijen = data.map((r) => ({ regel: r.regel, waarden: Object.fromEntries(kolommen.map((k, i) => [k, (r.velden[i] ?? '').trim()])) }));
  return { ok: true, tabel: { kolommen, rijen, scheidingsteken } };
}
