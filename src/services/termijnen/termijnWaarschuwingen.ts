import type { Besluit } from '../../domain/besluiten/besluit';
import type { TermijnConfig } from '../../domain/termijnen/computeTermijnen';
import { collectCelEindjaren, isTijdigTegenEerdereVersie, listBeroepRijenTegen, type CelUitkomst } from '../../domain/termijnen/celTermijnen';
import type { Termijn, Waarschuwing } from '../../domain/termijnen/termijn';
import {
  assembleWaarschuwingen,
  describeJaarNietGedekt,
  indexEersteBeroepstermijn,
  listAlgemeneWaarschuwingen,
  prepareBeroepWaarschuwingen,
  MAX_LOSSE_TOEKOMSTWAARSCHUWINGEN,
} from '../../domain/termijnen/waarschuwingen';
import type { IsoDatum } from '../../domain/kalender/kalenderdatum';
import { toTariefbeschikking } from './termijnInvoer';
import type { Geheel } from './termijnCellen';

/**
 * The warnings of the term service (src/services/termijnen/termijnService.ts), with the configuration it computes with
 * at the time: `waarschuwingenVoor(geheel)(peildatum)`.
 */
export function createWaarschuwingen(config: () => TermijnConfig): (geheel: Geheel) => (peildatum: IsoDatum) => Waarschuwing[] {
  // Warnings (termijnregels §3, §7, §8) composed from the cells: what a cell alone tells is kept with the cell's result,
  // the rest is prepared once per revision when first asked, and completed per peildatum.
  const celBasis = new WeakMap<CelUitkomst, { eindjaren: Set<number>; laatsteEerst: { besluit: Besluit; id: number }[] }>();
  const basisVan = ({ uitkomst, stand }: Geheel['cellen'][number]) => {
    let basis = celBasis.get(uitkomst);
    if (!basis) {
      const eindjaren = new Set<number>();
      collectCelEindjaren(uitkomst, eindjaren);
      const laatsteEerst = stand.tariefbeschikkingen
        .map((rij, i) => ({ besluit: stand.tbBesluiten![i]! as Besluit, id: rij.id }))
        .sort((a, b) => (a.besluit.bekendgemaakt < b.besluit.bekendgemaakt ? 1 : a.besluit.bekendgemaakt > b.besluit.bekendgemaakt ? -1 : a.id - b.id));
      celBasis.set(uitkomst, (basis = { eindjaren, laatsteEerst }));
    }
    return basis;
  };
  const beroepIndex = new WeakMap<CelUitkomst, { sleutel: string; index: Map<string, Pick<Termijn, 'aanvang'>> }>();
  const voorbereid = new WeakMap<Geheel, (peildatum: IsoDatum) => Waarschuwing[]>();
  const waarschuwingenVoor = (geheel: Geheel): ((peildatum: IsoDatum) => Waarschuwing[]) => {
    const klaar = voorbereid.get(geheel);
    if (klaar) return klaar;
    const eindjaren = new Set<number>();
    for (const c of geheel.cellen) for (const jaar of basisVan(c).eindjaren) eindjaren.add(jaar);
    const vooraf = listAlgemeneWaarschuwingen(eindjaren, config());

    // Tariefbeschikkingen for a year no contracteerruimtebesluit of their region covers, by id (the order of a whole load).
    const crJarenPerRegio = new Map<string, Set<number>>();
    for (const b of geheel.contracteerruimteBesluiten) {
      const jaren = crJarenPerRegio.get(b.regio) ?? new Set<number>();
      for (const jaar of b.jaren) jaren.add(jaar);
      crJarenPerRegio.set(b.regio, jaren);
    }
    const nietGedekt: { id: number; w: Waarschuwing }[] = [];
    for (const { uitkomst, stand } of geheel.cellen) {
      const jaren = crJarenPerRegio.get(uitkomst.invoer.regio);
      if (!jaren || jaren.has(uitkomst.invoer.jaar)) continue;
      stand.tariefbeschikkingen.forEach((rij, i) => nietGedekt.push({ id: rij.id, w: describeJaarNietGedekt(stand.tbBesluiten![i]!, jaren) }));
    }
    nietGedekt.sort((a, b) => a.id - b.id);

    // Per beroep, in the order of the cases: what holds whatever the peildatum (few: one per filed beroep).
    const beroepTegen = new Set(geheel.beroepen.map((b) => b.tegen));
    const besluitenPerId = new Map<string, Besluit>();
    for (const b of geheel.contracteerruimteBesluiten) if (beroepTegen.has(b.id)) besluitenPerId.set(b.id, b);
    for (const kenmerk of beroepTegen) {
      const rij = geheel.tariefbeschikkingen.get(kenmerk);
      if (rij) besluitenPerId.set(kenmerk, toTariefbeschikking(rij));
    }
    // The earliest beroep term per besluit and year, from each cell (kept with the cell while the beroepen stay the same).
    const tegenSleutel = [...beroepTegen].sort().join('\u0000');
    const aanvangPerBeroep = new Map<string, Pick<Termijn, 'aanvang'>>();
    for (const c of geheel.cellen) {
      let perCel = beroepIndex.get(c.uitkomst);
      if (!perCel || perCel.sleutel !== tegenSleutel)
        beroepIndex.set(
          c.uitkomst,
          (perCel = { sleutel: tegenSleutel, index: indexEersteBeroepstermijn(listBeroepRijenTegen(c.uitkomst, beroepTegen), beroepTegen) }),
        );
      for (const [sleutel, t] of perCel.index) {
        const bekend = aanvangPerBeroep.get(sleutel);
        if (!bekend || t.aanvang < bekend.aanvang) aanvangPerBeroep.set(sleutel, t);
      }
    }
    // Art. 6:19 Awb: a beroep filed in time against an earlier version is not early against the later besluit.
    const celVan = new Map(geheel.cellen.map((c) => [`${c.uitkomst.invoer.regio}\u0000${c.uitkomst.invoer.jaar}`, c.uitkomst]));
    const perBeroep = prepareBeroepWaarschuwingen(
      geheel.beroepen,
      besluitenPerId,
      geheel.contracteerruimteBesluiten,
      aanvangPerBeroep,
      (beroep, regio, voor) => {
        const cel = celVan.get(`${regio}\u0000${beroep.jaar}`);
        return cel !== undefined && isTijdigTegenEerdereVersie(cel, beroep, voor);
      },
    );

    const op = (peildatum: IsoDatum): Waarschuwing[] => {
      // Made known after the peildatum: contracteerruimtebesluiten in their order, then tariefbeschikkingen by id; each
      // cell's latest-first list gives its own in a prefix.
      const cr = geheel.contracteerruimteBesluiten.filter((b) => b.bekendgemaakt > peildatum);
      let aantal = cr.length;
      // All of them while few; beyond the loose warnings only the first by id are named: a short list kept by id.
      const ruimte = MAX_LOSSE_TOEKOMSTWAARSCHUWINGEN + 1;
      const tb: { besluit: Besluit; id: number }[] = [];
      for (const c of geheel.cellen) {
        for (const x of basisVan(c).laatsteEerst) {
          if (x.besluit.bekendgemaakt <= peildatum) break;
          aantal += 1;
          if (tb.length === ruimte && x.id > tb[ruimte - 1]!.id) continue;
          let plek = tb.length;
          while (plek > 0 && tb[plek - 1]!.id > x.id) plek--;
          tb.splice(plek, 0, x);
          if (tb.length > ruimte) tb.pop();
        }
      }
      const inToekomst = [...cr, ...tb.map((x) => x.besluit)];
      return assembleWaarschuwingen(peildatum, { vooraf, inToekomst, aantalInToekomst: aantal, nietGedekt: nietGedekt.map((x) => x.w), perBeroep });
    };
    voorbereid.set(geheel, op);
    return op;
  };
  return waarschuwingenVoor;
}
