import { DateTime } from 'luxon';
import type { DemoData } from './demoDataSchema';

/**
 * The day seed/demo.json was laid out for (issue 30.6): its terms run from it — a bezwaar ending in 9 days, a beroep in
 * 9, a case expired 10 days ago, a lid-3 window the next 1 March. The tests use the demo as written (they are pinned
 * to this day).
 */
export const DEMO_ONTWERPDAG = '2026-11-22';

/**
 * The demo as if laid out on `seedDag` (issue 30.6: the demo is always current): every date moves by the same whole
 * number of weeks (so a working day stays a working day, bar feestdagen), and every year — of a contracteerruimte, a
 * tariefbeschikking, a kenmerk, a CBb zaaknummer, a year in a note — by the whole years nearest to that shift. A
 * besluit that concerned a year two ahead still does, so a lid-3 window always exists; the stages of the cases
 * (concept, ingediend, afgerond) stay. Pure: no clock.
 */
export function shiftDemoData(data: DemoData, seedDag: string): DemoData {
  const dagen = DateTime.fromISO(seedDag).diff(DateTime.fromISO(DEMO_ONTWERPDAG), 'days').days;
  const weken = Math.round(dagen / 7);
  if (weken === 0) return data;
  const jaren = Math.round((weken * 7) / 365.2425);
  const datum = (d: string) => DateTime.fromISO(d).plus({ weeks: weken }).toISODate()!;
  const jaar = (j: number) => j + jaren;
  // A year written in a kenmerk (NZa/TB/2026-1744), a zaaknummer (26/0417) or a note ("contracteerruimte 2027").
  const tekst = (t: string) => t.replace(/\b(20[1-4]\d)\b/g, (j) => String(Number(j) + jaren));
  const zaaknummer = (n: string) => n.replace(/^(\d\d)\//, (_, jj: string) => `${String((Number(jj) + jaren) % 100).padStart(2, '0')}/`);
  return {
    ...data,
    contracteerruimtebesluiten: data.contracteerruimtebesluiten.map((c) => ({
      ...c,
      kenmerk: tekst(c.kenmerk),
      besluitdatum: datum(c.besluitdatum),
      bekendgemaakt: datum(c.bekendgemaakt),
      bedragen: c.bedragen.map((b) => ({ ...b, jaar: jaar(b.jaar) })),
    })),
    tariefbeschikkingen: data.tariefbeschikkingen.map((t) => ({
      ...t,
      kenmerk: tekst(t.kenmerk),
      jaar: jaar(t.jaar),
      besluitdatum: datum(t.besluitdatum),
      bekendgemaakt: datum(t.bekendgemaakt),
    })),
    zaken: data.zaken.map((z) => ({
      ...z,
      ...(z.tariefbeschikking ? { tariefbeschikking: tekst(z.tariefbeschikking) } : {}),
      ...(z.contracteerruimtebesluit ? { contracteerruimtebesluit: tekst(z.contracteerruimtebesluit) } : {}),
      ...(z.jaar !== undefined ? { jaar: jaar(z.jaar) } : {}),
      ...(z.ingesteld ? { ingesteld: datum(z.ingesteld) } : {}),
      ...(z.afgerond ? { afgerond: datum(z.afgerond) } : {}),
      ...(z.cbbZaaknummer ? { cbbZaaknummer: zaaknummer(z.cbbZaaknummer) } : {}),
      ...(z.uitspraak ? { uitspraak: tekst(z.uitspraak) } : {}),
      notities: tekst(z.notities),
    })),
    ontvangenBeroepen: data.ontvangenBeroepen.map((b) => ({
      ...b,
      cbbZaaknummer: zaaknummer(b.cbbZaaknummer),
      jaar: jaar(b.jaar),
      ingesteld: datum(b.ingesteld),
      ...(b.afgerond ? { afgerond: datum(b.afgerond) } : {}),
      ...(b.tariefbeschikking ? { tariefbeschikking: tekst(b.tariefbeschikking) } : {}),
      ...(b.contracteerruimtebesluit ? { contracteerruimtebesluit: tekst(b.contracteerruimtebesluit) } : {}),
    })),
  };
}
