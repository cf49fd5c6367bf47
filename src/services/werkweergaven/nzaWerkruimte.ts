import { addDagen, dagenTussen, weekdagVan, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { RegioJaarStatus, StatusWaarde } from '../../domain/termijnen/termijn';
import type { BerekendOverzicht } from '../termijnen/termijnService';
import { huidigeBedragen } from '../termijnen/regioJaarMatrix';

/**
 * The NZa's workspace (issue 14): every region, what is pending at the CBb, the 1 March window week by week, what
 * became onherroepelijk and since when. Built from the engine's result for the NZa — public decisions and the
 * beroepen filed (the NZa is the defending party); never a firm's case, note or draft.
 */
export interface NzaWerkruimteFilter {
  regio?: string | undefined;
  jaar?: number | undefined;
  status?: StatusWaarde | undefined;
  /** A part of a party's name, any case. */
  partij?: string | undefined;
}

export interface LopendBeroep {
  partij: string;
  tegen: string;
  ingesteld: IsoDatum;
}

export interface RegioJaarRegel {
  regio: string;
  jaar: number;
  /** The regionale contracteerruimte at the peildatum (the latest besluit made known by then), in cents. */
  bedragCenten?: number | undefined;
  status: RegioJaarStatus;
  partijen: { partij: string; status: StatusWaarde; veiligeUitersteDatum?: IsoDatum | undefined; sinds?: IsoDatum | undefined }[];
  lopendeBeroepen: LopendBeroep[];
}

export interface WerkWeek {
  /** Monday. */
  van: IsoDatum;
  /** Sunday. */
  tot: IsoDatum;
  /** Terms whose last day falls in this week. */
  termijnenEindigend: number;
  /** Region-years with a beroep term open during this week: where beroepen can come in. */
  regioJaren: number;
  /** Beroepen filed in this week (known to the NZa). */
  beroepenIngesteld: number;
}

export interface NzaWerkruimte {
  regels: RegioJaarRegel[];
  /** Per status, over the filtered region-years: the counts add up to `totaal`. */
  perStatus: Record<StatusWaarde, number>;
  totaal: number;
  lopendeBeroepen: number;
  onherroepelijk: { regio: string; jaar: number; sinds: IsoDatum }[];
  venster?: { aanvang: IsoDatum; einde: IsoDatum; weken: WerkWeek[] };
}

const matchPartij = (naam: string | undefined, zoek: string) => naam !== undefined && naam.toLocaleLowerCase('nl').includes(zoek.toLocaleLowerCase('nl'));

/** Monday of the week of `datum` (ISO weeks). */
function maandagVan(datum: IsoDatum): IsoDatum {
  return addDagen(datum, 1 - weekdagVan(datum));
}

export function buildNzaWerkruimte(berekend: BerekendOverzicht, peildatum: IsoDatum, filter: NzaWerkruimteFilter): NzaWerkruimte {
  // The beroepen filed and not decided at the peildatum, per (regio, jaar).
  const lopend = new Map<string, LopendBeroep[]>();
  for (const b of berekend.invoer.beroepen) {
    if (b.ingesteld > peildatum || (b.afgerond !== null && b.afgerond <= peildatum)) continue;
    const regio = b.regio ?? berekend.tariefbeschikkingen.get(b.tegen)?.regio;
    if (!regio) continue;
    const partij = b.partij ?? berekend.tariefbeschikkingen.get(b.tegen)?.zorgaanbieder ?? 'onbekend';
    const sleutel = `${regio}|${b.jaar}`;
    const lijst = lopend.get(sleutel) ?? [];
    lijst.push({ partij, tegen: b.tegen, ingesteld: b.ingesteld });
    lopend.set(sleutel, lijst);
  }

  const bedragen = huidigeBedragen(berekend.contracteerruimte, peildatum);
  const perStatus: Record<StatusWaarde, number> = { 'nog-niet-open': 0, open: 0, 'in-beroep': 0, onherroepelijk: 0 };
  const regels: RegioJaarRegel[] = [];
  const onherroepelijk: NzaWerkruimte['onherroepelijk'] = [];
  let lopendeBeroepen = 0;
  for (const status of berekend.uitkomst.status) {
    if (filter.regio && status.regio !== filter.regio) continue;
    if (filter.jaar && status.jaar !== filter.jaar) continue;
    if (filter.status && status.status !== filter.status) continue;
    const cel = berekend.cel(status.regio, status.jaar);
    const partijen = (cel?.partijStatus ?? []).map((p) => ({
      partij: p.partij,
      status: p.status,
      veiligeUitersteDatum: p.veiligeUitersteDatum,
      sinds: p.sinds,
    }));
    const beroepen = lopend.get(`${status.regio}|${status.jaar}`) ?? [];
    if (filter.partij && !partijen.some((p) => matchPartij(p.partij, filter.partij!)) && !beroepen.some((b) => matchPartij(b.partij, filter.partij!))) continue;
    perStatus[status.status]++;
    lopendeBeroepen += beroepen.length;
    if (status.status === 'onherroepelijk' && status.sinds) onherroepelijk.push({ regio: status.regio, jaar: status.jaar, sinds: status.sinds });
    regels.push({
      regio: status.regio,
      jaar: status.jaar,
      bedragCenten: bedragen.get(`${status.regio}|${status.jaar}`),
      status,
      partijen,
      lopendeBeroepen: beroepen,
    });
  }
  onherroepelijk.sort((a, b) => (a.sinds < b.sinds ? 1 : a.sinds > b.sinds ? -1 : 0));

  // The 1 March window (art. 105 lid 3 Wmg): the next one to end, or the one running; week by week from its start to
  // two weeks after its end (late filings and the forwarding of art. 6:15 Awb still come in).
  const vensters = berekend.uitkomst.termijnen.filter((t) => t.regel === 'art-105-lid-3' && t.einde >= peildatum);
  const eerste = vensters.reduce<(typeof vensters)[number] | undefined>((a, t) => (!a || t.einde < a.einde ? t : a), undefined);
  let venster: NzaWerkruimte['venster'];
  if (eerste) {
    const van = maandagVan(eerste.aanvang);
    const tot = addDagen(maandagVan(eerste.einde), 20);
    const weken: WerkWeek[] = [];
    for (let maandag = van; maandag <= tot; maandag = addDagen(maandag, 7))
      weken.push({ van: maandag, tot: addDagen(maandag, 6), termijnenEindigend: 0, regioJaren: 0, beroepenIngesteld: 0 });
    const weekVan = (datum: IsoDatum) => (datum < van || datum > addDagen(tot, 6) ? undefined : weken[Math.floor(dagenTussen(van, datum) / 7)]);
    const cellenPerWeek = new Map<WerkWeek, Set<string>>();
    for (const t of berekend.uitkomst.termijnen) {
      if (t.rechtsmiddel !== 'beroep') continue;
      if ((filter.regio && t.regio !== filter.regio) || (filter.jaar && t.jaar !== filter.jaar) || (filter.partij && !matchPartij(t.partij, filter.partij)))
        continue;
      const week = weekVan(t.einde);
      if (week) week.termijnenEindigend++;
      // Open during a week: the region-years where a beroep can come in that week.
      for (const w of weken) {
        if (t.aanvang > w.tot || t.einde < w.van) continue;
        const cellen = cellenPerWeek.get(w) ?? new Set<string>();
        cellen.add(`${t.regio}|${t.jaar}`);
        cellenPerWeek.set(w, cellen);
      }
    }
    for (const [week, cellen] of cellenPerWeek) week.regioJaren = cellen.size;
    for (const b of berekend.invoer.beroepen) {
      const week = weekVan(b.ingesteld);
      if (week && (!filter.jaar || b.jaar === filter.jaar)) week.beroepenIngesteld++;
    }
    venster = { aanvang: eerste.aanvang, einde: eerste.einde, weken };
  }
  const totaal = regels.length;
  return { regels, perStatus, totaal, lopendeBeroepen, onherroepelijk, ...(venster ? { venster } : {}) };
}
