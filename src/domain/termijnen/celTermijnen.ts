import { fromDagnummer, jaarVan, type IsoDatum } from '../kalender/kalenderdatum';
import type { Besluit } from '../besluiten/besluit';
import type { BerekendeTermijn } from './awbTermijn';
import { BesluitCode, readBesluitVelden, type CelInvoer } from './machinerie/celInvoer';
import type { CelUitkomst } from './machinerie/celResultaat';
import { CelWandeling } from './machinerie/celWandeling';
import type { Rekencontext } from './machinerie/rekencontext';
import { excludeBezwaarTegenContracteerruimte, openBezwaarTegenTariefbeschikking } from './regels/bezwaar';
import {
  addPartijenVanRegio,
  isTariefbeschikkingZelfdeDag,
  isZonderTariefbeschikking,
  listPartijenVanRegio,
  openBesluitZonderTariefbeschikking,
  openRegioDatumZonderTariefbeschikking,
} from './regels/besluitZonderTariefbeschikking';
import { openBeroepenViaTariefbeschikking } from './regels/lid2Tariefbeschikking';
import { isLid3, isVoorLid3Aanvang, markLid2VoorMaart, markLid3VensterVoorMaart, openLid3Venster } from './regels/lid3Venster';
import { reopenBeroep } from './regels/lid4Onherroepelijk';
import { excludeOudRegimeBesluit, excludeOudRegimeTariefbeschikking } from './regels/overgangsrecht';
import { addLopendeAppellanten, openVoorzorgArt619, openWijzigingZonderTariefbeschikking } from './regels/wijzigingZonderTariefbeschikking';
import { excludeBeroepZonderProductieafspraken } from './regels/zonderProductieafspraken';
import { describeTwijfelsZonderTariefbeschikking, describeTwijfelWijziging, type TwijfelPerSoort } from './teksten/twijfels';

/*
 * The engine per (regio, jaar): `computeCel` walks a cell's besluiten in order and applies the rules of art. 105 leden 2–4
 * Wmg to each. This file is the walk — the order of the rules; what each rule does is in `regels/`, one module per rule
 * (each citing its section of termijnregels.md), how terms are stored and ordered in `machinerie/`, and the Dutch texts
 * (doubts, toelichtingen, grondslagen) in `teksten/`. See README.md in this folder. The module keeps the names the rest of
 * the code imports from it.
 */

export {
  BesluitCode,
  codeerBesluit,
  readBesluitVelden,
  type BesluitVelden,
  type CelInvoer,
  type CelPlaatsen,
  type EersteTariefbeschikkingInRegio,
} from './machinerie/celInvoer';
export type { CelUitkomst, OudRegimeDatum } from './machinerie/celResultaat';
export { CelTermijnKolommen } from './machinerie/celTermijnKolommen';
export { CelKladblok, Int32Lijst, WaardenLijst } from './machinerie/kladblok';
export { CelNummering, CelScratchNummering } from './machinerie/nummering';
export { PartijRegister } from './machinerie/partijRegister';
export { Lid4Kolommen } from './machinerie/lid4Kolommen';
export { createRekencontext, type Rekencontext } from './machinerie/rekencontext';
export { collectCelEindjaren, describeCellenVoorWaarschuwingen, isTijdigTegenEerdereVersie, listBeroepRijenTegen, TermijnRij } from './machinerie/celLezen';
export { readsEersteTariefbeschikkingVan, readsPartijenVanRegio } from './regels/besluitZonderTariefbeschikking';
export { LateTekst } from './teksten/lateTekst';
export { joinTwijfels } from './teksten/twijfels';

/**
 * The terms and exclusions of one (regio, jaar), every party's, walking its besluiten in order (termijnregels §4–§7).
 * Independent of the peildatum: the status at a peildatum is `computeCelStatus`'s. It writes only into the context's
 * scratch (one cell at a time) and adds the names of parties asked for and appellants to the cell's `PartijRegister`,
 * which only grows: equal input gives an equal result, whatever was computed before.
 */
export function computeCel(invoer: CelInvoer, context: Rekencontext): CelUitkomst {
  const { nummering, kladblok } = context;
  if (kladblok.inGebruik) throw new Error('computeCel: a cell is still being computed with this context');
  nummering.berekend.startCel();
  nummering.lid4Tekst.startCel();
  kladblok.inGebruik = true;
  try {
    return walkCel(invoer, context);
  } finally {
    kladblok.inGebruik = false;
    nummering.partij.release();
    nummering.berekend.release();
    nummering.lid4Tekst.release();
  }
}

/** Each besluit of the cell in order: a contracteerruimtebesluit or a tariefbeschikking. */
function walkCel(invoer: CelInvoer, context: Rekencontext): CelUitkomst {
  const { besluiten } = invoer;
  // Fields read from these very besluiten only: a copy of the cell with other besluiten reads them afresh.
  const velden = invoer.velden?.van === besluiten ? invoer.velden : readBesluitVelden(besluiten);
  const w = new CelWandeling(invoer, context, velden, listPartijenVanRegio(invoer, velden));
  for (w.plaats = 0; w.plaats < besluiten.length; w.plaats++) {
    const dag = velden.dag[w.plaats]!;
    // Each day's one string, from the run's table: the comparisons of the rules are on ISO dates.
    const datum = fromDagnummer(dag);
    if (w.plaats > 0 && velden.dag[w.plaats - 1]! > dag) w.plaatsen.chronologisch = false;
    const code = velden.code[w.plaats]!;
    if (code === BesluitCode.Contracteerruimte) walkContracteerruimtebesluit(w, dag, datum);
    else walkTariefbeschikking(w, dag, datum, code);
  }
  return w.seal();
}

/**
 * A contracteerruimtebesluit made known on `datum` (day number `dag`): a new version of the contracteerruimte and the
 * dates it gives. A function of its own, apart from the tariefbeschikkingen: their step stays small enough for the
 * compiler to optimise the loop whole.
 */
function walkContracteerruimtebesluit(w: CelWandeling, dag: number, datum: IsoDatum): void {
  const besluit = w.besluiten[w.plaats]!;
  w.noteContracteerruimte();
  reopenBeroep(w); // lid 4: an amendment opens beroep again
  const alTariefbeschikking = w.eersteTariefbeschikking !== undefined && w.eersteTariefbeschikking < datum;
  const lid3 = isLid3(w, datum, alTariefbeschikking);
  if (w.context.isOudRegimeOpDag(dag)) {
    excludeOudRegimeBesluit(w, dag, lid3, jaarVan(datum)); // §8: before the entry into force
    return;
  }
  excludeBezwaarTegenContracteerruimte(w); // art. 7:1 Awb: direct beroep only
  openLid3Venster(w, datum, lid3, alTariefbeschikking); // lid 3: a future year, from 1 March
  const zonderTariefbeschikking = isZonderTariefbeschikking(lid3, alTariefbeschikking);
  if (zonderTariefbeschikking) addPartijenVanRegio(w, dag, datum); // §4: the region's providers are parties
  addLopendeAppellanten(w, datum); // art. 6:19 Awb: so is an appellant with a pending beroep
  const t = w.context.computeZesWekenOpDag(dag);
  if (zonderTariefbeschikking) openRegioDatumZonderTariefbeschikking(w, t, besluit); // §4: a date for the region
  openDatumsPerPartij(w, datum, t, besluit, !lid3 && alTariefbeschikking, zonderTariefbeschikking);
}

/**
 * Each party's date after the contracteerruimtebesluit `besluit` (six weeks `t` from its bekendmaking): a precaution when
 * its beroep is pending (art. 6:19 Awb), otherwise a possibly fatal date when the besluit comes after tariefbeschikkingen
 * (§6) or leaves a year that is not future without one (§4). One text per besluit and kind of party, shared by every
 * party's date (the term names its party), written when first read.
 */
function openDatumsPerPartij(
  w: CelWandeling,
  datum: IsoDatum,
  t: BerekendeTermijn,
  besluit: Besluit,
  naTariefbeschikking: boolean,
  zonderTariefbeschikking: boolean,
): void {
  let twijfelWijziging: TwijfelPerSoort | undefined;
  let twijfelZonder: TwijfelPerSoort | undefined;
  const { twijfelRegime } = w.context;
  for (let k = 0; k < w.aantalPartijen; k++) {
    const nummer = w.partijen[k]!;
    if (openVoorzorgArt619(w, nummer, datum, t, besluit)) continue;
    if (naTariefbeschikking) {
      openWijzigingZonderTariefbeschikking(w, nummer, t, (twijfelWijziging ??= describeTwijfelWijziging(besluit, twijfelRegime)));
    } else if (zonderTariefbeschikking) {
      openBesluitZonderTariefbeschikking(
        w,
        nummer,
        t,
        (twijfelZonder ??= describeTwijfelsZonderTariefbeschikking(besluit, w.regio, w.jaar, twijfelRegime, isTariefbeschikkingZelfdeDag(w, besluit))),
      );
    }
  }
}

/** A tariefbeschikking made known on `datum` (day number `dag`), with or without productieafspraken (`code`). */
function walkTariefbeschikking(w: CelWandeling, dag: number, datum: IsoDatum, code: BesluitCode): void {
  const nummer = w.noteTariefbeschikking();
  const t = w.context.computeZesWekenOpDag(dag);
  openBezwaarTegenTariefbeschikking(w, nummer, t); // art. 6:7, 6:8 Awb, whatever the rest of the rules say
  // Its addressee is a party of the year from now on.
  if (w.soortVan[nummer] === undefined) w.addPartij(nummer, 'zorgaanbieder');
  if (w.context.isOudRegimeOpDag(dag)) {
    excludeOudRegimeTariefbeschikking(w, nummer, t, code); // §8: before the entry into force
    return;
  }
  if (code === BesluitCode.ZonderProductieafspraken) {
    excludeBeroepZonderProductieafspraken(w, nummer); // lid 2: sluittarief, nacalculatie, vereffening
    return;
  }
  // §5: after the besluit that opened a lid-3 window, before its 1 March: the window and the lid-2 terms carry the doubt.
  const voorMaart = isVoorLid3Aanvang(w, dag);
  const eersteLid2 = w.kolommen.lengte;
  if (voorMaart) markLid3VensterVoorMaart(w, datum);
  // Lid 2, unless lid 4 closes it (regels/lid4Onherroepelijk.ts): a newcomer after a lid-3 window and a party that never had
  // a term keep their term, with the doubt (§6).
  openBeroepenViaTariefbeschikking(w, datum, nummer, t);
  if (voorMaart) markLid2VoorMaart(w, eersteLid2);
}
