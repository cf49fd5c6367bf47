import type { Termijn, TermijnConfig, TermijnUitkomst } from './termijn';
import { describeAfleiding } from './afleiding';
import { listTermijnNoten } from './termijnNoten';
import { describeToelichting } from './termijnToelichting';

/** A term's identity and dates in the public JSON shape, without the texts made on demand (also a webhook's term). */
export function toTermijnKernJson(t: Termijn) {
  return {
    besluit: t.besluit,
    rechtsmiddel: t.rechtsmiddel,
    tegen: t.tegen,
    regio: t.regio,
    jaar: t.jaar,
    ...(t.partij !== undefined ? { partij: t.partij } : {}),
    soort: t.soort,
    aanvang: t.aanvang,
    einde: t.einde,
    perPostUiterlijkOntvangen: t.perPostUiterlijkOntvangen,
    grondslag: t.grondslag,
  };
}

/** The public JSON shape of spec/cli-termijnen.md (version 2): the engine's extra fields stay internal. */
export function toTermijnUitkomstJson(
  uitkomst: Pick<TermijnUitkomst, 'termijnen' | 'uitsluitingen' | 'status'> & Partial<Pick<TermijnUitkomst, 'partijStatus' | 'waarschuwingen'>>,
  config: TermijnConfig,
) {
  return {
    termijnen: uitkomst.termijnen.map((t) => ({
      ...toTermijnKernJson(t),
      toelichting: describeToelichting(t, config),
      ...(t.twijfel ? { twijfel: t.twijfel } : {}),
      afleiding: describeAfleiding(t, config),
      noten: listTermijnNoten(t),
    })),
    uitsluitingen: uitkomst.uitsluitingen.map((u) => ({
      besluit: u.besluit,
      rechtsmiddel: u.rechtsmiddel,
      tegen: u.tegen,
      regio: u.regio,
      jaar: u.jaar,
      ...(u.partij !== undefined ? { partij: u.partij } : {}),
      reden: u.reden,
      grondslag: u.grondslag,
      toelichting: u.toelichting,
      ...(u.twijfel ? { twijfel: u.twijfel, eindeAlsToch: u.eindeAlsToch } : {}),
    })),
    status: uitkomst.status.map((s) => ({
      regio: s.regio,
      jaar: s.jaar,
      status: s.status,
      ...(s.veiligeUitersteDatum ? { veiligeUitersteDatum: s.veiligeUitersteDatum } : {}),
      ...(s.sinds ? { sinds: s.sinds } : {}),
      ...(s.perPostUiterlijkOntvangen ? { perPostUiterlijkOntvangen: s.perPostUiterlijkOntvangen } : {}),
    })),
    partijStatus: (uitkomst.partijStatus ?? []).map((s) => ({
      partij: s.partij,
      regio: s.regio,
      jaar: s.jaar,
      status: s.status,
      ...(s.veiligeUitersteDatum ? { veiligeUitersteDatum: s.veiligeUitersteDatum } : {}),
      ...(s.sinds ? { sinds: s.sinds } : {}),
      ...(s.perPostUiterlijkOntvangen ? { perPostUiterlijkOntvangen: s.perPostUiterlijkOntvangen } : {}),
      ...(s.twijfel ? { twijfel: s.twijfel } : {}),
    })),
    waarschuwingen: uitkomst.waarschuwingen ?? [],
  };
}
