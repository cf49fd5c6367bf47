import { jarenVan, type Besluit } from '../../domain/besluiten/besluit';
import { computeTermijnen, type TermijnConfig } from '../../domain/termijnen/computeTermijnen';
import type { RegioJaarStatus, Termijn, TermijnUitkomst, Uitsluiting, Waarschuwing } from '../../domain/termijnen/termijn';
import { formatDatumKort, jaarVan, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { TermijnInvoer } from '../../domain/besluiten/besluit';
import { toWeergaveTermijn, type WeergaveTermijn } from './termijnWeergave';
import type { BerekendOverzicht } from './termijnService';
import type { ContracteerruimteRij } from './termijnInvoer';

export interface Voorbeeld {
  termijnen: WeergaveTermijn[];
  uitsluitingen: Uitsluiting[];
  /** Plausibility warnings at input (termijnregels §7, issue 30.4): about this decision, or the years of its terms. */
  waarschuwingen: (Waarschuwing | InvoerWaarschuwing)[];
}

/** A warning about what was typed that the engine cannot see (issue 30.4); the choice is the user's, nothing is refused. */
export interface InvoerWaarschuwing {
  code: 'bekendmaking-ver-voor-jaar' | 'tweede-vaststelling' | 'wijziging-zonder-verschil';
  melding: string;
  besluit: string;
}

/**
 * Implausible input, spelled out with the choice: a bekendmaking more than a year before the year the decision concerns
 * (a typing error in the date or the year?), a second vaststelling of what already has one (a wijziging?).
 */
export function checkPlausibiliteit(bestaand: Pick<TermijnInvoer, 'besluiten'>, kandidaat: Besluit): InvoerWaarschuwing[] {
  const uit: InvoerWaarschuwing[] = [];
  const eersteJaar = Math.min(...jarenVan(kandidaat));
  if (jaarVan(kandidaat.bekendgemaakt) < eersteJaar - 1)
    uit.push({
      code: 'bekendmaking-ver-voor-jaar',
      besluit: kandidaat.id,
      melding: `De bekendmaking (${formatDatumKort(kandidaat.bekendgemaakt)}) ligt meer dan een jaar vóór ${eersteJaar}, het jaar waarop het besluit ziet: controleer de datum en het jaar. Klopt het, sla het dan zo op.`,
    });
  if (kandidaat.soort === 'vaststelling') {
    const jaren = new Set(jarenVan(kandidaat));
    const eerder = bestaand.besluiten.find(
      (b) =>
        b.id !== kandidaat.id &&
        b.type === kandidaat.type &&
        b.soort === 'vaststelling' &&
        b.regio === kandidaat.regio &&
        jarenVan(b).some((j) => jaren.has(j)) &&
        (b.type !== 'tariefbeschikking' || kandidaat.type !== 'tariefbeschikking' || b.aanbieder === kandidaat.aanbieder),
    );
    if (eerder)
      uit.push({
        code: 'tweede-vaststelling',
        besluit: kandidaat.id,
        melding: `Voor ${kandidaat.regio} ${[...jaren].filter((j) => jarenVan(eerder).includes(j)).join(', ')} is al een vaststelling geregistreerd (${eerder.id}, bekendgemaakt ${formatDatumKort(eerder.bekendgemaakt)}). Bedoelt u een wijziging? Kies dan soort "wijziging"; een tweede vaststelling opent dezelfde termijnen opnieuw.`,
      });
  }
  return uit;
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
  const termijnen = uitkomst.termijnen.filter(vanKandidaat);
  const eindjaren = new Set(termijnen.map((t) => jaarVan(t.einde)));
  return {
    termijnen: termijnen.map((t) => toWeergaveTermijn(t, config)),
    uitsluitingen: uitkomst.uitsluitingen.filter(vanKandidaat),
    waarschuwingen: [
      ...checkPlausibiliteit(bestaand, kandidaat),
      ...uitkomst.waarschuwingen.filter((w) => w.besluit === kandidaat.id || (w.jaar !== undefined && eindjaren.has(w.jaar))),
    ],
  };
}

/** One amount of a contracteerruimtebesluit being typed, beside the amount in force before it (issue 30.4). */
export interface BedragWijziging {
  regio: string;
  jaar: number;
  oudCenten?: number;
  oudKenmerk?: string;
  nieuwCenten: number;
}

/**
 * The amounts typed against those in force on the day before the new besluit's bekendmaking (the latest besluit made
 * known earlier), and a warning when a wijziging changes none of them: old → new in the preview, before saving.
 */
export function compareBedragen(
  bestaand: readonly ContracteerruimteRij[],
  kandidaat: { kenmerk: string; soort: string; bekendgemaakt: IsoDatum; bedragen: { regio: string; jaar: number; bedragCenten: number }[] },
): { bedragen: BedragWijziging[]; waarschuwingen: InvoerWaarschuwing[] } {
  const bedragen = kandidaat.bedragen.map((b) => {
    const eerder = bestaand
      .filter((r) => r.regio === b.regio && r.jaar === b.jaar && r.bekendgemaakt <= kandidaat.bekendgemaakt && r.kenmerk !== kandidaat.kenmerk)
      .reduce<ContracteerruimteRij | undefined>((laatste, r) => (!laatste || r.bekendgemaakt >= laatste.bekendgemaakt ? r : laatste), undefined);
    return { regio: b.regio, jaar: b.jaar, nieuwCenten: b.bedragCenten, ...(eerder ? { oudCenten: eerder.bedragCenten, oudKenmerk: eerder.kenmerk } : {}) };
  });
  const ongewijzigd = kandidaat.soort === 'wijziging' && bedragen.length > 0 && bedragen.every((b) => b.oudCenten === b.nieuwCenten);
  return {
    bedragen,
    waarschuwingen: ongewijzigd
      ? [
          {
            code: 'wijziging-zonder-verschil',
            besluit: kandidaat.kenmerk,
            melding:
              'Deze wijziging verandert geen bedrag: elk bedrag is gelijk aan het bedrag dat al gold. Controleer de bedragen. Een wijziging zonder verschil opent toch nieuwe termijnen (art. 105 Wmg); sla haar alleen zo op als het besluit dat werkelijk zegt.',
          },
        ]
      : [],
  };
}

export interface TermijnWijziging {
  besluit: string;
  partij?: string | undefined;
  termijnSoort: Termijn['soort'];
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

// Terms belong to a party: two parties' terms from one besluit are two terms.
const sleutel = (t: Termijn) => `${t.besluitType}|${t.besluit}|${t.rechtsmiddel}|${t.tegen}|${t.regio}|${t.jaar}|${t.partij ?? ''}|${t.regel}`;

/** What changed between two computations: terms moved, opened or gone, and regio-jaar states that changed. */
export function diffTermijnen(
  voor: Pick<TermijnUitkomst, 'termijnen' | 'status'>,
  na: Pick<TermijnUitkomst, 'termijnen' | 'status'>,
): { termijnen: TermijnWijziging[]; status: StatusWijziging[] } {
  const oud = new Map(voor.termijnen.map((t) => [sleutel(t), t]));
  const nieuw = new Map(na.termijnen.map((t) => [sleutel(t), t]));
  const termijnen: TermijnWijziging[] = [];
  const basis = (t: Termijn) => ({
    besluit: t.besluit,
    partij: t.partij,
    termijnSoort: t.soort,
    rechtsmiddel: t.rechtsmiddel,
    tegen: t.tegen,
    regio: t.regio,
    jaar: t.jaar,
  });
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
    if (!v || !isGelijkeStatus(v, s)) status.push({ regio: s.regio, jaar: s.jaar, ...(v ? { voor: v } : {}), na: s });
  }
  for (const v of statusVoor.values()) status.push({ regio: v.regio, jaar: v.jaar, voor: v });
  return { termijnen, status };
}

/**
 * What a saved change moved: the diff of `diffTermijnen`, over the (regio, jaar) cells the change recomputed only. An
 * unchanged cell keeps its very result object (`bron`) in the term cache, so untouched cells are skipped without comparing.
 */
export function diffBerekend(voor: BerekendOverzicht, na: BerekendOverzicht): ReturnType<typeof diffTermijnen> {
  const cellen = new Map<string, { regio: string; jaar: number }>();
  for (const s of [...voor.cellen, ...na.cellen]) cellen.set(`${s.regio}|${s.jaar}`, s);
  // A recomputed cell whose terms and state came out the same (another year of the region, recomputed for a party's
  // first tariefbeschikking) is skipped by an ordered comparison, before any key is built.
  const gewijzigd = [...cellen.values()].filter(({ regio, jaar }) => {
    const v = voor.cel(regio, jaar);
    const n = na.cel(regio, jaar);
    if (v?.bron === n?.bron) return false;
    return !v || !n || !isGelijkVoorDiff(v.termijnen, n.termijnen) || !isGelijkeStatus(v.status, n.status);
  });
  const van = (b: BerekendOverzicht) => {
    const delen = gewijzigd.map(({ regio, jaar }) => b.cel(regio, jaar));
    // What the diff reads: the terms and the region-year states (no exclusion texts, no party states).
    return {
      termijnen: delen.flatMap((c) => (c ? [...c.termijnen] : [])),
      status: delen.flatMap((c) => (c ? [c.status] : [])),
    };
  };
  return diffTermijnen(van(voor), van(na));
}

/** Same terms in the same order, as far as `diffTermijnen` looks (its key, start and last day). */
function isGelijkVoorDiff(a: readonly Termijn[], b: readonly Termijn[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x.einde !== y.einde || x.aanvang !== y.aanvang || x.besluit !== y.besluit || x.partij !== y.partij || x.regel !== y.regel) return false;
    if (x.besluitType !== y.besluitType || x.rechtsmiddel !== y.rechtsmiddel || x.tegen !== y.tegen || x.regio !== y.regio || x.jaar !== y.jaar) return false;
  }
  return true;
}

function isGelijkeStatus(a: RegioJaarStatus, b: RegioJaarStatus): boolean {
  return a.status === b.status && a.veiligeUitersteDatum === b.veiligeUitersteDatum && a.sinds === b.sinds;
}

/** A question put to the engine about a decision, nothing written: another bekendmaking date, or a hypothetical next step. */
export interface WatAlsVraag {
  bekendgemaakt?: IsoDatum | undefined;
  hypothese?: { soort: 'wijziging-contracteerruimte' | 'gewijzigde-tariefbeschikking'; op: IsoDatum } | undefined;
}

export const HYPOTHESE_ID = 'aangenomen besluit';

/**
 * What-if (issue "Term engine v2", point 9): which terms of which parties move, open or go if `besluit` had been made
 * known on another day, or if the NZa took a further step. The diff is the engine's; nothing is written.
 */
export function previewWatAls(
  bestaand: { invoer: TermijnInvoer; uitkomst: TermijnUitkomst },
  besluit: { type: Besluit['type']; kenmerk: string },
  vraag: WatAlsVraag,
  config: TermijnConfig,
): ReturnType<typeof diffTermijnen> {
  const doel = (b: Besluit) => b.id === besluit.kenmerk && b.type === besluit.type;
  const besluiten: Besluit[] = bestaand.invoer.besluiten.map((b) => (doel(b) && vraag.bekendgemaakt ? { ...b, bekendgemaakt: vraag.bekendgemaakt } : b));
  if (vraag.hypothese) {
    const op = vraag.hypothese.op;
    for (const b of bestaand.invoer.besluiten.filter(doel)) {
      if (vraag.hypothese.soort === 'wijziging-contracteerruimte') {
        besluiten.push({ id: HYPOTHESE_ID, type: 'contracteerruimte', soort: 'wijziging', regio: b.regio, jaren: jarenVan(b), bekendgemaakt: op });
      } else if (b.type === 'tariefbeschikking') {
        besluiten.push({ ...b, id: HYPOTHESE_ID, soort: 'wijziging', bekendgemaakt: op });
      }
    }
  }
  return diffTermijnen(bestaand.uitkomst, computeTermijnen({ ...bestaand.invoer, besluiten }, config));
}
