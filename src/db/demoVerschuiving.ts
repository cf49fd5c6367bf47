import { addWeken, dagenTussen } from '../domain/kalender/kalenderdatum';
import type { DemoData } from './demoDataSchema';

/**
 * The day seed/demo.json was laid out for (issue 30.6): its terms run from it — a bezwaar ending in 9 days, a beroep in
 * 9, a case expired 10 days ago, a lid-3 window the next 1 March. The tests use the demo as written (they are pinned
 * to this day).
 */
export const DEMO_ONTWERPDAG = '2026-11-22';

/**
 * The demo as if laid out on `seedDag` (issue 30.6: the demo is always current): every date moves by the same whole
 * number of weeks (so a working day stays a working day, bar feestdagen), and every year a besluit concerns (and a year
 * in a note) by the whole years nearest to that shift; a kenmerk and a CBb zaaknummer take the year of their own shifted
 * date. A
 * besluit that concerned a year two ahead still does, so a lid-3 window always exists; the stages of the cases
 * (concept, ingediend, afgerond) stay. Pure: no clock.
 */
export function shiftDemoData(data: DemoData, seedDag: string): DemoData {
  const weken = Math.round(dagenTussen(DEMO_ONTWERPDAG, seedDag) / 7);
  if (weken === 0) return data;
  const jaren = Math.round((weken * 7) / 365.2425);
  const datum = (d: string) => addWeken(d, weken);
  const jaar = (j: number) => j + jaren;
  // A year written in a note ("contracteerruimte 2027") moves with the years of the besluiten.
  const tekst = (t: string) => t.replace(/\b(20[1-4]\d)\b/g, (j) => String(Number(j) + jaren));
  // A kenmerk carries the year it was made known in (NZa/TB/2026-1744), a CBb zaaknummer the year it was filed
  // (26/0417): both follow their own shifted date, so they keep telling the truth about it.
  const kenmerken = new Map(
    [...data.contracteerruimtebesluiten, ...data.tariefbeschikkingen].map((b) => [
      b.kenmerk,
      b.kenmerk.replace(new RegExp(`/${b.bekendgemaakt.slice(0, 4)}-`), `/${datum(b.bekendgemaakt).slice(0, 4)}-`),
    ]),
  );
  const kenmerk = (k: string) => kenmerken.get(k) ?? tekst(k);
  const zaaknummers = new Map(
    [...data.zaken, ...data.ontvangenBeroepen].flatMap((z) =>
      z.cbbZaaknummer && z.ingesteld && z.cbbZaaknummer.startsWith(`${z.ingesteld.slice(2, 4)}/`)
        ? [[z.cbbZaaknummer, `${datum(z.ingesteld).slice(2, 4)}${z.cbbZaaknummer.slice(2)}`] as const]
        : [],
    ),
  );
  const zaaknummer = (n: string) => zaaknummers.get(n) ?? n;
  return {
    ...data,
    contracteerruimtebesluiten: data.contracteerruimtebesluiten.map((c) => ({
      ...c,
      kenmerk: kenmerk(c.kenmerk),
      besluitdatum: datum(c.besluitdatum),
      bekendgemaakt: datum(c.bekendgemaakt),
      bedragen: c.bedragen.map((b) => ({ ...b, jaar: jaar(b.jaar) })),
    })),
    tariefbeschikkingen: data.tariefbeschikkingen.map((t) => ({
      ...t,
      kenmerk: kenmerk(t.kenmerk),
      jaar: jaar(t.jaar),
      besluitdatum: datum(t.besluitdatum),
      bekendgemaakt: datum(t.bekendgemaakt),
    })),
    zaken: data.zaken.map((z) => ({
      ...z,
      ...(z.tariefbeschikking ? { tariefbeschikking: kenmerk(z.tariefbeschikking) } : {}),
      ...(z.contracteerruimtebesluit ? { contracteerruimtebesluit: kenmerk(z.contracteerruimtebesluit) } : {}),
      ...(z.jaar !== undefined ? { jaar: jaar(z.jaar) } : {}),
      ...(z.ingesteld ? { ingesteld: datum(z.ingesteld) } : {}),
      ...(z.afgerond ? { afgerond: datum(z.afgerond) } : {}),
      ...(z.cbbZaaknummer ? { cbbZaaknummer: zaaknummer(z.cbbZaaknummer) } : {}),
      ...(z.uitspraak ? { uitspraak: tekst(z.uitspraak) } : {}),
      notities: tekst(z.notities),
      gronden: tekst(z.gronden),
    })),
    ontvangenBeroepen: data.ontvangenBeroepen.map((b) => ({
      ...b,
      cbbZaaknummer: zaaknummer(b.cbbZaaknummer),
      jaar: jaar(b.jaar),
      ingesteld: datum(b.ingesteld),
      ...(b.afgerond ? { afgerond: datum(b.afgerond) } : {}),
      ...(b.tariefbeschikking ? { tariefbeschikking: kenmerk(b.tariefbeschikking) } : {}),
      ...(b.contracteerruimtebesluit ? { contracteerruimtebesluit: kenmerk(b.contracteerruimtebesluit) } : {}),
    })),
  };
}
