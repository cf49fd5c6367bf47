import type { Zorgkantoorregio } from '../../domain/regios/zorgkantoorregios';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { RegioJaarStatus, Termijn, Uitsluiting } from '../../domain/termijnen/termijn';
import { afgeleid, type BerekendOverzicht } from './termijnService';
import { findTermijn } from './termijnKolommen';
import { toWeergaveTermijn, type WeergaveTermijn } from './termijnWeergave';
import type { ContracteerruimteRij } from './termijnInvoer';

export interface MatrixCel {
  jaar: number;
  status?: RegioJaarStatus;
  bedragCenten?: number;
  /**
   * The matrix is about beroep against the contracteerruimte; a bezwaar against a tariefbeschikking of the cell that
   * runs at the peildatum is named beside it (the earliest last day), so "nog niet open" never hides a running term.
   */
  bezwaarTot?: IsoDatum;
}

export interface GedeeldVenster {
  aanvang: IsoDatum;
  einde: IsoDatum;
  bekendmakingsjaar: number;
  regioJaren: number;
}

/** The current amount of each (regio, jaar): that of the latest besluit made known on or before the peildatum. */
export function huidigeBedragen(rijen: readonly ContracteerruimteRij[], peildatum: IsoDatum): Map<string, number> {
  const bedragen = new Map<string, number>();
  for (const rij of rijen) if (rij.bekendgemaakt <= peildatum) bedragen.set(`${rij.regio}|${rij.jaar}`, rij.bedragCenten);
  return bedragen;
}

/** The matrix, derived once per computed result (see `afgeleid`). */
export function loadRegioJaarMatrix(
  berekend: BerekendOverzicht,
  peildatum: IsoDatum,
  regios: readonly Zorgkantoorregio[],
): ReturnType<typeof buildRegioJaarMatrix> {
  return afgeleid(berekend, `matrix|${peildatum}`, () => buildRegioJaarMatrix(berekend, peildatum, regios));
}

/** Rows: the regions of the live division that existed in one of the years shown, or have a decision in them. */
export function buildRegioJaarMatrix(berekend: BerekendOverzicht, peildatum: IsoDatum, regios: readonly Zorgkantoorregio[]) {
  const jaren = [...new Set(berekend.uitkomst.status.map((s) => s.jaar))].sort((a, b) => a - b);
  const statusPerCel = new Map(berekend.uitkomst.status.map((s) => [`${s.regio}|${s.jaar}`, s]));
  const bedragen = huidigeBedragen(berekend.contracteerruimte, peildatum);
  const metBesluit = new Set(berekend.uitkomst.status.map((s) => s.regio));
  const rijen = regios
    .filter(
      (r) =>
        metBesluit.has(r.naam) ||
        (r.geldigTot === null && (r.geldigVanaf === null || jaren.length === 0 || r.geldigVanaf <= `${jaren[jaren.length - 1]}-12-31`)),
    )
    .map((regio) => ({
      regio: regio.naam,
      code: regio.code,
      zorgkantoor: regio.zorgkantoor,
      cellen: jaren.map<MatrixCel>((jaar) => {
        const sleutel = `${regio.naam}|${jaar}`;
        const status = statusPerCel.get(sleutel);
        const bedragCenten = bedragen.get(sleutel);
        const bezwaarTot = status ? findLopendBezwaar(berekend, regio.naam, jaar, peildatum) : undefined;
        return { jaar, ...(status ? { status } : {}), ...(bedragCenten !== undefined ? { bedragCenten } : {}), ...(bezwaarTot ? { bezwaarTot } : {}) };
      }),
    }));
  // Art. 105 lid 3 Wmg: all besluiten made known in one year share one window next spring: one event, not 31 × n.
  // Counted per distinct (regio, jaar): a vaststelling and a wijziging made known in one year share the window once.
  const vensters = new Map<string, GedeeldVenster & { cellen: Set<string> }>();
  const { lijst, opzoeker } = berekend;
  for (let i = 0; i < lijst.lengte; i++) {
    if (lijst.lid3[i] !== 1) continue;
    const t = findTermijn(opzoeker, lijst, i);
    const sleutel = `${t.aanvang}|${t.einde}`;
    const venster = vensters.get(sleutel) ?? {
      aanvang: t.aanvang,
      einde: t.einde,
      bekendmakingsjaar: Number(t.aanvang.slice(0, 4)) - 1,
      regioJaren: 0,
      cellen: new Set<string>(),
    };
    venster.cellen.add(`${t.regio}|${t.jaar}`);
    venster.regioJaren = venster.cellen.size;
    vensters.set(sleutel, venster);
  }
  return { jaren, rijen, vensters: [...vensters.values()].map(({ cellen: _cellen, ...v }) => v).sort((a, b) => (a.aanvang < b.aanvang ? 1 : -1)) };
}

/** The earliest last day of a bezwaar term of the cell running at the peildatum, through the cell index. */
function findLopendBezwaar(berekend: BerekendOverzicht, regio: string, jaar: number, peildatum: IsoDatum): IsoDatum | undefined {
  let vroegste: IsoDatum | undefined;
  for (const t of berekend.cel(regio, jaar)?.termijnen ?? []) {
    if (t.rechtsmiddel === 'bezwaar' && t.aanvang <= peildatum && t.einde >= peildatum && (!vroegste || t.einde < vroegste)) vroegste = t.einde;
  }
  return vroegste;
}

export interface HistorieGebeurtenis {
  datum: IsoDatum;
  soort: 'contracteerruimte' | 'tariefbeschikking';
  kenmerk: string;
  omschrijving: string;
  bedragCenten?: number;
  zorgaanbieder?: string;
  tariefbeschikkingId?: number;
  contracteerruimtebesluitId?: number;
  termijnen: WeergaveTermijn[];
  uitsluitingen: Uitsluiting[];
}

/** All besluiten and tariefbeschikkingen of one cell, in time order, with the terms they opened or did not open. */
export function buildCelHistorie(berekend: BerekendOverzicht, regio: string, jaar: number): HistorieGebeurtenis[] {
  // Through the cell index: one (regio, jaar), not a scan of every term.
  const cel = berekend.cel(regio, jaar);
  const termijnen = cel?.termijnen ?? [];
  const uitsluitingen = cel?.uitsluitingen ?? [];
  const vanBesluit = (kenmerk: string, type: Termijn['besluitType']) => ({
    termijnen: termijnen.filter((t) => t.besluit === kenmerk && t.besluitType === type).map((t) => toWeergaveTermijn(t, berekend.config)),
    uitsluitingen: uitsluitingen.filter((u) => u.besluit === kenmerk && u.besluitType === type),
  });
  const cr = berekend.contracteerruimte
    .filter((r) => r.regio === regio && r.jaar === jaar)
    .map<HistorieGebeurtenis>((r) => ({
      datum: r.bekendgemaakt,
      soort: 'contracteerruimte',
      kenmerk: r.kenmerk,
      omschrijving: `Contracteerruimtebesluit (${r.soort})`,
      bedragCenten: r.bedragCenten,
      contracteerruimtebesluitId: r.id,
      ...vanBesluit(r.kenmerk, 'contracteerruimte'),
    }));
  const tb = (cel?.tariefbeschikkingen ?? []).map<HistorieGebeurtenis>((t) => ({
    datum: t.bekendgemaakt,
    soort: 'tariefbeschikking',
    kenmerk: t.kenmerk,
    omschrijving: `Tariefbeschikking (${t.soort})`,
    zorgaanbieder: t.zorgaanbieder,
    tariefbeschikkingId: t.id,
    ...vanBesluit(t.kenmerk, 'tariefbeschikking'),
  }));
  return [...cr, ...tb].sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : a.soort === 'contracteerruimte' ? -1 : 1));
}
