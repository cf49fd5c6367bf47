import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { preparePerVerbinding } from '../../db/voorbereid';
import { fataleDatumControles, gebruikers, zorgkantoorregios } from '../../db/schema';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import type { Termijn } from '../../domain/termijnen/termijn';
import { formatTijdstip } from '../../opmaak/opmaak';
import { can } from '../toegang/permissies';

import { type TeControlerenDatum, isFataleDatum, formatControleSleutel, type VierOgen, describeNietZelf } from './vierOgen';

// The checks of fatal dates as recorded, and how a date shows with its check (or who may check it) on every page.

export type ControleSoort = 'collega' | 'tweede-lezing' | 'extern';
export type BekendmakingWijze = 'verzenddatum' | 'stempel' | 'ontvangst';

/** How the checker knows the day of bekendmaking (art. 3:41 Awb: the day of sending; the stamp or receipt prove it). */
export const BEKENDMAKING_WIJZE_TEKST: Record<BekendmakingWijze, string> = {
  verzenddatum: 'de verzenddatum op het besluit',
  stempel: 'het poststempel op de envelop',
  ontvangst: 'de datum van ontvangst',
};

/**
 * Art. 3:41 Awb: the bekendmaking is the day of sending. A checker who knows only the day of receipt confirmed the
 * registration, not the day the term began: the check says so wherever it is shown.
 */
export const ONTVANGST_VOORBEHOUD = 'de datum van ontvangst bewijst de dag van verzending niet (art. 3:41 Awb): de termijn kan eerder zijn begonnen';

export interface FataleDatumControle {
  door: string;
  /** UTC ISO instant. */
  op: string;
  /** "30 november 2026 om 14:05" (Europe/Amsterdam). */
  opTekst: string;
  soort: ControleSoort;
  /** What the checker compared (absent for checks recorded before issue 30.2). */
  vergeleken?: { kenmerk: string; bekendmaking: IsoDatum; wijze: BekendmakingWijze; wijzeTekst: string; voorbehoud?: string };
}

/** What a page shows next to a date: checked (by whom, when, against what), or not yet, who may check it, and how. */
export interface ControleWeergave {
  nodig: boolean;
  gecontroleerd?: FataleDatumControle;
  /** The actor may check it as a colleague (the second pair of eyes). */
  magControleren: boolean;
  /** Why this actor may not check it, said before any click (issue 30.2). */
  nietZelf?: string;
  /** Who of the organisation may check it, by name (issue 30.2: said before any click). */
  controleurs: string[];
  /** Nobody of the organisation but the first eyes can: an external checker or a second reading (issue 30.2). */
  alleenEerstOgen: boolean;
  /** The check page of this date. */
  pad: string;
  formulier: { partij: string; regio: string; jaar: number; einde: IsoDatum };
}

/** The check page of a date (GET /termijnen/controle). */
export function formatControlePad(d: TeControlerenDatum, terug?: string): string {
  const q = new URLSearchParams({ partij: d.partij ?? '', regio: d.regio, jaar: String(d.jaar), einde: d.einde });
  if (terug) q.set('terug', terug);
  return `/termijnen/controle?${q.toString()}`;
}

const controlesVraag = preparePerVerbinding((db) =>
  db
    .select({
      partij: fataleDatumControles.partij,
      regio: zorgkantoorregios.naam,
      jaar: fataleDatumControles.jaar,
      einde: fataleDatumControles.einde,
      door: gebruikers.naam,
      op: fataleDatumControles.gecontroleerdOp,
      soort: fataleDatumControles.soort,
      kenmerk: fataleDatumControles.kenmerk,
      bekendmaking: fataleDatumControles.bekendmaking,
      wijze: fataleDatumControles.bekendmakingWijze,
      externNaam: fataleDatumControles.externNaam,
    })
    .from(fataleDatumControles)
    .innerJoin(zorgkantoorregios, eq(fataleDatumControles.regioId, zorgkantoorregios.id))
    .innerJoin(gebruikers, eq(fataleDatumControles.gecontroleerdDoor, gebruikers.id))
    .where(eq(fataleDatumControles.organisatieId, sql.placeholder('organisatieId')))
    .prepare(),
);

/** The checks of one organisation, by (partij, regio, jaar, einde): one indexed query per page. */
export function loadFataleDatumControles(db: Db, organisatieId: number): Map<string, FataleDatumControle> {
  const rijen = controlesVraag(db).all({ organisatieId });
  return new Map(
    rijen.map((r) => [
      formatControleSleutel({ ...r, partij: r.partij || undefined }),
      {
        // An external checker is named as such, with who invited them.
        door: r.soort === 'extern' ? `${r.externNaam ?? 'een externe controleur'} (extern, uitgenodigd door ${r.door})` : r.door,
        op: r.op,
        opTekst: formatTijdstip(r.op),
        soort: r.soort,
        ...(r.kenmerk && r.bekendmaking && r.wijze
          ? {
              vergeleken: {
                kenmerk: r.kenmerk,
                bekendmaking: r.bekendmaking,
                wijze: r.wijze,
                wijzeTekst: BEKENDMAKING_WIJZE_TEKST[r.wijze],
                ...(r.wijze === 'ontvangst' ? { voorbehoud: ONTVANGST_VOORBEHOUD } : {}),
              },
            }
          : {}),
      },
    ]),
  );
}

/**
 * The check of a term's last day — only if it compared the besluit and bekendmaking the date now rests on: a date that
 * came to rest on another besluit (a wijziging with the same lid-3 window) or a corrected bekendmaking landing on the
 * same last day is unchecked again. A check recorded before issue 30.2 compared nothing and holds by its date alone.
 */
export function findGeldigeControle(controles: ReadonlyMap<string, FataleDatumControle>, t: Termijn): FataleDatumControle | undefined {
  const c = controles.get(formatControleSleutel(t));
  if (!c) return undefined;
  return !c.vergeleken || (c.vergeleken.kenmerk === t.besluit && c.vergeleken.bekendmaking === t.bekendgemaakt) ? c : undefined;
}

/**
 * How a date shows for this actor. The NZa files nothing: it is shown no check. A precaution date, or a last day
 * already past at the peildatum, needs none, but shows one made anyway.
 */
export function buildControleWeergave(
  actor: Actor,
  controles: ReadonlyMap<string, FataleDatumControle>,
  t: Termijn,
  peildatum: IsoDatum,
  vierOgen?: VierOgen,
  terug?: string,
): ControleWeergave | undefined {
  if (actor.organisatieSoort === 'nza') return undefined;
  const gecontroleerd = findGeldigeControle(controles, t);
  if ((!isFataleDatum(t) || t.einde < peildatum) && !gecontroleerd) return undefined;
  const reden = !gecontroleerd && can(actor, 'termijn.controleren') ? vierOgen?.reden(t, actor.gebruikerId) : undefined;
  const controleurs = gecontroleerd || !vierOgen ? [] : vierOgen.controleurs(t);
  const namen = controleurs.map((g) => (g.id === actor.gebruikerId ? `${g.naam} (u)` : g.naam));
  return {
    nodig: isFataleDatum(t) && t.einde >= peildatum && !gecontroleerd,
    ...(gecontroleerd ? { gecontroleerd } : {}),
    ...(reden
      ? {
          nietZelf: describeNietZelf(
            reden,
            controleurs.map((g) => g.naam),
          ),
        }
      : {}),
    magControleren: can(actor, 'termijn.controleren') && !reden,
    controleurs: namen,
    alleenEerstOgen: !gecontroleerd && vierOgen !== undefined && controleurs.length === 0,
    pad: formatControlePad(t, terug),
    formulier: { partij: t.partij ?? '', regio: t.regio, jaar: t.jaar, einde: t.einde },
  };
}
