import type { TermijnUitkomst } from './termijn';

/** The public JSON shape of spec/cli-termijnen.md: the engine's extra fields stay internal. */
export function toTermijnUitkomstJson(uitkomst: TermijnUitkomst) {
  return {
    termijnen: uitkomst.termijnen.map((t) => ({
      besluit: t.besluit,
      rechtsmiddel: t.rechtsmiddel,
      tegen: t.tegen,
      regio: t.regio,
      jaar: t.jaar,
      aanvang: t.aanvang,
      einde: t.einde,
      grondslag: t.grondslag,
      toelichting: t.toelichting,
    })),
    uitsluitingen: uitkomst.uitsluitingen.map((u) => ({
      besluit: u.besluit,
      rechtsmiddel: u.rechtsmiddel,
      tegen: u.tegen,
      regio: u.regio,
      jaar: u.jaar,
      reden: u.reden,
      grondslag: u.grondslag,
      toelichting: u.toelichting,
    })),
    status: uitkomst.status.map((s) => ({
      regio: s.regio,
      jaar: s.jaar,
      status: s.status,
      ...(s.veiligeUitersteDatum ? { veiligeUitersteDatum: s.veiligeUitersteDatum } : {}),
      ...(s.sinds ? { sinds: s.sinds } : {}),
    })),
  };
}
