import { jarenVan, type Besluit } from '../domain/besluiten/besluit';
import { computeTermijnen, type TermijnConfig } from '../domain/termijnen/computeTermijnen';
import type { RegioJaarStatus, Termijn, TermijnUitkomst, Uitsluiting } from '../domain/termijnen/termijn';
import type { TermijnInvoer } from '../domain/besluiten/besluit';

export interface Voorbeeld {
  termijnen: Termijn[];
  uitsluitingen: Uitsluiting[];
}

/**
 * The terms that a decision not yet saved would open, against everything already recorded. Only the (regio, jaar)
 * cells it touches are recomputed, so the preview stays instant at national scale.
 */
export function previewBesluit(bestaand: TermijnInvoer, kandidaat: Besluit, config: TermijnConfig): Voorbeeld {
  const cellen = new Set(jarenVan(kandidaat).map((j) => `${kandidaat.regio}|${j}`));
  const raakt = (b: Besluit) => jarenVan(b).some((j) => cellen.has(`${b.regio}|${j}`));
  const besluiten = bestaand.besluiten.filter(raakt);
  const ids = new Set(besluiten.map((b) => b.id));
  const beroepen = bestaand.beroepen.filter((b) => ids.has(b.tegen) && cellen.has(`${b.regio}|${b.jaar}`));
  const uitkomst = computeTermijnen({ peildatum: bestaand.peildatum, besluiten: [...besluiten, kandidaat], beroepen }, config);
  const vanKandidaat = (x: { besluit: string; besluitType: Besluit['type'] }) => x.besluit === kandidaat.id && x.besluitType === kandidaat.type;
  return { termijnen: uitkomst.termijnen.filter(vanKandidaat), uitsluitingen: uitkomst.uitsluitingen.filter(vanKandidaat) };
}

export interface TermijnWijziging {
  besluit: string;
  rechtsmiddel: Termijn['rechtsmiddel'];
  tegen: Termijn['tegen'];
  regio: string;
  jaar: number;
  voorEinde?: string;
  naEinde?: string;
  soort: 'verschoven' | 'nieuw' | 'vervallen';
}

export interface StatusWijziging {
  regio: string;
  jaar: number;
  voor?: RegioJaarStatus;
  na?: RegioJaarStatus;
}

const sleutel = (t: Termijn) => `${t.besluitType}|${t.besluit}|${t.rechtsmiddel}|${t.tegen}|${t.regio}|${t.jaar}`;

/** What changed between two computations: terms moved, opened or gone, and regio-jaar states that changed. */
export function diffTermijnen(voor: TermijnUitkomst, na: TermijnUitkomst): { termijnen: TermijnWijziging[]; status: StatusWijziging[] } {
  const oud = new Map(voor.termijnen.map((t) => [sleutel(t), t]));
  const nieuw = new Map(na.termijnen.map((t) => [sleutel(t), t]));
  const termijnen: TermijnWijziging[] = [];
  const basis = (t: Termijn) => ({ besluit: t.besluit, rechtsmiddel: t.rechtsmiddel, tegen: t.tegen, regio: t.regio, jaar: t.jaar });
  for (const [k, t] of nieuw) {
    const o = oud.get(k);
    if (!o) termijnen.push({ ...basis(t), naEinde: t.einde, soort: 'nieuw' });
    else if (o.einde !== t.einde || o.aanvang !== t.aanvang) termijnen.push({ ...basis(t), voorEinde: o.einde, naEinde: t.einde, soort: 'verschoven' });
  }
  for (const [k, o] of oud) if (!nieuw.has(k)) termijnen.push({ ...basis(o), voorEinde: o.einde, soort: 'vervallen' });

  const statusVoor = new Map(voor.status.map((s) => [`${s.regio}|${s.jaar}`, s]));
  const status: StatusWijziging[] = [];
  for (const s of na.status) {
    const v = statusVoor.get(`${s.regio}|${s.jaar}`);
    statusVoor.delete(`${s.regio}|${s.jaar}`);
    if (!v || v.status !== s.status || v.veiligeUitersteDatum !== s.veiligeUitersteDatum || v.sinds !== s.sinds)
      status.push({ regio: s.regio, jaar: s.jaar, ...(v ? { voor: v } : {}), na: s });
  }
  for (const v of statusVoor.values()) status.push({ regio: v.regio, jaar: v.jaar, voor: v });
  return { termijnen, status };
}
