import type { Codering } from './codering';
import { decodeCsvBytes } from './codering';
import { detectScheidingsteken, readCsv, type CsvTabel, type Scheidingsteken } from './csvLezen';
import { readXlsx, type KolomSoort } from './xlsxLezen';
import { checkZipUitgepakt } from './zipControle';
import { formatMb } from '../opmaak/opmaak';

/** Where a table came from, for the preview: the CSV's encoding and separator, or the worksheet read. */
export type TabelBron = { soort: 'csv'; codering: Codering; scheidingsteken: Scheidingsteken } | { soort: 'xlsx'; blad: string; bladen: string[] };

export type SpreadsheetUitkomst =
  { ok: true; tabel: CsvTabel; bron: TabelBron } | { ok: false; melding: string; regel?: number; bladen?: string[]; bron?: TabelBron };

export interface SpreadsheetVraag {
  verplichteKolommen: readonly string[];
  kolomSoorten: Readonly<Record<string, KolomSoort>>;
  /** The worksheet the user picked; the first when absent. */
  blad?: string | undefined;
  /** MAX_UPLOAD_MB: an .xlsx may not unpack to more than this either. */
  maxBytes: number;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_LEEG = [0x50, 0x4b, 0x05, 0x06];
/** A Compound File (CFB): an encrypted .xlsx is one (MS-OFFCRYPTO), and so is an old .xls. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const begintMet = (bytes: Uint8Array, handtekening: number[]) => handtekening.every((b, i) => bytes[i] === b);

/**
 * Reads an uploaded spreadsheet, whatever an office produced: an .xlsx (by its content, not its name) or CSV text in
 * any encoding decodeCsvBytes detects. A zip that would unpack beyond `maxBytes`, a password-protected workbook, an old
 * .xls or any other binary file is refused with a Dutch message, nothing read.
 */
export async function readSpreadsheet(bytes: Uint8Array, vraag: SpreadsheetVraag): Promise<SpreadsheetUitkomst> {
  if (begintMet(bytes, ZIP) || begintMet(bytes, ZIP_LEEG)) {
    const zip = checkZipUitgepakt(bytes, vraag.maxBytes);
    if (!zip.ok) {
      return {
        ok: false,
        melding:
          zip.reden === 'te-groot'
            ? `het bestand is uitgepakt groter dan ${formatMb(vraag.maxBytes)} (de grens voor uploads); er is niets gelezen`
            : 'het bestand is een beschadigd of onbekend zip-bestand, geen leesbare .xlsx-werkmap',
      };
    }
    const xlsx = await readXlsx(bytes, vraag.verplichteKolommen, vraag.kolomSoorten, vraag.blad);
    if (!xlsx.ok) {
      const { blad, ...fout } = xlsx;
      return blad && xlsx.bladen ? { ...fout, bron: { soort: 'xlsx', blad, bladen: xlsx.bladen } } : fout;
    }
    return { ok: true, tabel: xlsx.tabel, bron: { soort: 'xlsx', blad: xlsx.blad, bladen: xlsx.bladen } };
  }
  if (begintMet(bytes, CFB)) {
    return {
      ok: false,
      melding: bevatUtf16(bytes, 'EncryptionInfo')
        ? 'het bestand is met een wachtwoord beveiligd; hef de beveiliging op (Excel: Bestand > Info > Werkmap beveiligen) en sla het opnieuw op'
        : 'het bestand is een oud Excel- of Office-bestand (.xls); sla het op als .xlsx of als CSV',
    };
  }
  const tekst = decodeCsvBytes(bytes);
  if (!tekst.ok) return tekst;
  const csv = readCsv(tekst.tekst, vraag.verplichteKolommen);
  if (!csv.ok) return { ...csv, bron: { soort: 'csv', codering: tekst.codering, scheidingsteken: detectScheidingsteken(tekst.tekst) } };
  return { ok: true, tabel: csv.tabel, bron: { soort: 'csv', codering: tekst.codering, scheidingsteken: csv.scheidingsteken } };
}

/** The names in a CFB directory are UTF-16LE: an encrypted OOXML package has the stream "EncryptionInfo". */
function bevatUtf16(bytes: Uint8Array, naam: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(naam, 'utf16le'));
}

const SCHEIDINGSTEKEN_NAAM: Record<Scheidingsteken, string> = { ';': 'puntkomma', ',': 'komma', '\t': 'tab' };

/** One line for the preview: what was read, so the user sees an unexpected encoding or worksheet at once. */
export function formatTabelBron(bron: TabelBron): string {
  if (bron.soort === 'csv') return `CSV, tekenset ${bron.codering}, scheidingsteken ${SCHEIDINGSTEKEN_NAAM[bron.scheidingsteken]}`;
  return `Excel-werkmap, werkblad "${bron.blad}"${bron.bladen.length > 1 ? ` (${bron.bladen.indexOf(bron.blad) + 1} van ${bron.bladen.length})` : ''}`;
}
