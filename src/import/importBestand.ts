import type { Actor } from '../actor/actor';
import type { Db } from '../db/verbinding';
import { formatTabelBron, readSpreadsheet } from '../csv/spreadsheetLezen';
import { CONTRACTEERRUIMTE_KOLOM_SOORTEN, CONTRACTEERRUIMTE_KOLOMMEN, previewContracteerruimteImport } from './contracteerruimteImport';
import { previewTariefbeschikkingImport, TARIEFBESCHIKKING_KOLOM_SOORTEN, TARIEFBESCHIKKING_KOLOMMEN } from './tariefbeschikkingImport';
import type { ImportVoorbeeld } from './importUitkomst';
import type { ImportSoort } from './wachtendeImports';

export interface ImportControle extends ImportVoorbeeld<unknown> {
  /** What was read, in words ("CSV, tekenset Windows-1252, scheidingsteken puntkomma"); absent when nothing could be. */
  bron?: string;
  /** The worksheets of an .xlsx, for the user to pick another. */
  bladen: string[];
  /** The worksheet read. */
  blad?: string;
}

/**
 * Reads an upload (any CSV or an .xlsx, the worksheet `blad` or the first) and checks it against the database without
 * writing. A file that cannot be read at all gives one error on the field "bestand" and nothing new.
 */
export async function checkImportBestand(
  db: Db,
  actor: Actor,
  soort: ImportSoort,
  upload: { bytes: Uint8Array; blad?: string | undefined },
  opties: { maxBytes: number; vandaag: string },
): Promise<ImportControle> {
  const gelezen = await readSpreadsheet(upload.bytes, {
    verplichteKolommen: soort === 'contracteerruimte' ? CONTRACTEERRUIMTE_KOLOMMEN : TARIEFBESCHIKKING_KOLOMMEN,
    kolomSoorten: soort === 'contracteerruimte' ? CONTRACTEERRUIMTE_KOLOM_SOORTEN : TARIEFBESCHIKKING_KOLOM_SOORTEN,
    blad: upload.blad,
    maxBytes: opties.maxBytes,
  });
  if (!gelezen.ok) {
    return {
      nieuw: [],
      ongewijzigd: [],
      aantalRijen: 0,
      fouten: [{ rij: gelezen.regel ?? 1, veld: 'bestand', melding: gelezen.melding }],
      bladen: gelezen.bladen ?? [],
      ...(gelezen.bron ? { bron: formatTabelBron(gelezen.bron) } : {}),
      ...(gelezen.bron?.soort === 'xlsx' ? { blad: gelezen.bron.blad } : {}),
    };
  }
  const voorbeeld =
    soort === 'contracteerruimte'
      ? previewContracteerruimteImport(db, gelezen.tabel)
      : previewTariefbeschikkingImport(db, actor, gelezen.tabel, opties.vandaag);
  const bladen = gelezen.bron.soort === 'xlsx' ? gelezen.bron.bladen : [];
  return {
    ...voorbeeld,
    bron: formatTabelBron(gelezen.bron),
    bladen,
    ...(gelezen.bron.soort === 'xlsx' ? { blad: gelezen.bron.blad } : {}),
  };
}
