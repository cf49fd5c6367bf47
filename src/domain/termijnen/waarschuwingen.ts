import { formatDatumKort, jaarVan, type IsoDatum } from '../kalender/kalenderdatum';
import type { Besluit, TermijnInvoer } from '../besluiten/besluit';
import type { Termijn, TermijnConfig, Waarschuwing } from './termijn';

const MAX_LOSSE_WAARSCHUWINGEN = 25;

/**
 * Plausibility warnings (termijnregels §7) and what the shipped reference data cannot tell (§3, §8): never a silent
 * result. Depends on the peildatum, unlike the terms.
 */
export function listWaarschuwingen(invoer: TermijnInvoer, termijnen: readonly Termijn[], config: TermijnConfig): Waarschuwing[] {
  return prepareWaarschuwingen(invoer, termijnen, config)(invoer.peildatum);
}

/**
 * The warnings in two steps: what depends on the decisions alone, once (per data revision); then, per peildatum, the
 * few that depend on it (a bekendmaking or a beroep after it) — in the order `listWaarschuwingen` gives.
 */
export function prepareWaarschuwingen(
  invoer: Omit<TermijnInvoer, 'peildatum'>,
  termijnen: readonly Termijn[],
  config: TermijnConfig,
): (peildatum: IsoDatum) => Waarschuwing[] {
  const vooraf: Waarschuwing[] = [];
  const waarschuwingen = vooraf;
  if (config.inwerkingtreding === undefined) {
    waarschuwingen.push({
      code: 'inwerkingtreding-onbekend',
      melding:
        'De datum van inwerkingtreding van art. 105 leden 2–4 Wmg is niet ingesteld. Voor elk besluit zijn de termijnen van ' +
        'het nieuwe regime berekend, met die twijfel; stel de datum in zodra het Staatsblad bekend is.',
    });
  }

  // The years holding a last day; string bounds per year keep this loop free of allocations at national scale.
  const eindjaren = new Set<number>();
  let jaarVanaf = '';
  let jaarTot = '';
  for (const t of termijnen) {
    if (t.einde >= jaarVanaf && t.einde < jaarTot) continue;
    const jaar = jaarVan(t.einde);
    eindjaren.add(jaar);
    jaarVanaf = `${jaar}-01-01`;
    jaarTot = `${jaar + 1}-01-01`;
  }
  const jarenZonderKb = [...eindjaren].filter((jaar) => !config.kalender.isKbBekend(jaar)).sort((a, b) => a - b);
  for (const jaar of jarenZonderKb) {
    waarschuwingen.push({
      code: 'kb-onbekend',
      jaar,
      melding:
        `Voor ${jaar} bevat de meegeleverde lijst geen Koninklijk Besluit dat dagen met een feestdag gelijkstelt (art. 3 lid 3 Atw): ` +
        `een laatste dag in ${jaar} kan door zo'n KB later vallen. Controleer of er voor ${jaar} een KB is (of komt) en voeg de dagen toe.`,
    });
  }

  const crJarenPerRegio = new Map<string, Set<number>>();
  for (const b of invoer.besluiten) {
    if (b.type !== 'contracteerruimte') continue;
    const jaren = crJarenPerRegio.get(b.regio) ?? new Set<number>();
    for (const jaar of b.jaren) jaren.add(jaar);
    crJarenPerRegio.set(b.regio, jaren);
  }
  const nietGedekt: Waarschuwing[] = [];
  for (const b of invoer.besluiten) {
    const jaren = crJarenPerRegio.get(b.regio);
    if (b.type === 'tariefbeschikking' && jaren && !jaren.has(b.jaar)) {
      nietGedekt.push({
        code: 'jaar-niet-gedekt',
        besluit: b.id,
        melding:
          `Tariefbeschikking ${b.id} betreft ${b.jaar}, maar geen geregistreerd contracteerruimtebesluit voor ${b.regio} dekt dat jaar ` +
          `(wel: ${[...jaren].sort().join(', ')}). Controleer het jaar of registreer het contracteerruimtebesluit.`,
      });
    }
  }

  // A beroep lies against the contracteerruimte of (regio, jaar); `tegen` may name the tariefbeschikking that opened
  // the term. What counts for art. 6:10 Awb is whether the contracteerruimtebesluit existed when the beroep was filed.
  const beroepTegen = new Set(invoer.beroepen.map((b) => b.tegen));
  const besluitenPerId = new Map<string, Besluit>();
  for (const b of invoer.besluiten) if (beroepTegen.has(b.id)) besluitenPerId.set(b.id, b);
  const eersteContracteerruimte = new Map<string, Besluit>();
  for (const b of invoer.besluiten) {
    if (b.type !== 'contracteerruimte') continue;
    for (const jaar of b.jaren) {
      const sleutel = `${b.regio}\u0000${jaar}`;
      const bekend = eersteContracteerruimte.get(sleutel);
      if (!bekend || b.bekendgemaakt < bekend.bekendgemaakt) eersteContracteerruimte.set(sleutel, b);
    }
  }
  const aanvangPerBeroep = new Map<string, Termijn>();
  if (invoer.beroepen.length > 0) {
    for (const t of termijnen) {
      if (t.rechtsmiddel === 'beroep' && t.soort === 'termijn' && beroepTegen.has(t.besluit)) {
        const sleutel = `${t.besluit}\u0000${t.jaar}`;
        const bekend = aanvangPerBeroep.get(sleutel);
        if (!bekend || t.aanvang < bekend.aanvang) aanvangPerBeroep.set(sleutel, t);
      }
    }
  }
  // Per beroep: whether it lies after the peildatum (asked per peildatum), then what holds whatever the peildatum.
  const perBeroep: { beroep: (typeof invoer.beroepen)[number]; vast: Waarschuwing[] }[] = [];
  for (const beroep of invoer.beroepen) {
    const besluit = besluitenPerId.get(beroep.tegen);
    if (!besluit) continue;
    const vast: Waarschuwing[] = [];
    perBeroep.push({ beroep, vast });
    const regio = beroep.regio ?? besluit.regio;
    const contracteerruimte = besluit.type === 'contracteerruimte' ? besluit : eersteContracteerruimte.get(`${regio}\u0000${beroep.jaar}`);
    if (contracteerruimte && beroep.ingesteld < contracteerruimte.bekendgemaakt) {
      vast.push({
        code: 'beroep-voor-besluit',
        besluit: beroep.tegen,
        melding:
          `Het beroep over de contracteerruimte ${regio} ${beroep.jaar} is ingesteld op ${formatDatumKort(beroep.ingesteld)}, vóór de ` +
          `bekendmaking van contracteerruimtebesluit ${contracteerruimte.id} (${formatDatumKort(contracteerruimte.bekendgemaakt)}). Het is ` +
          'alleen ontvankelijk als het besluit toen al tot stand was gekomen of de indiener dat redelijkerwijs kon menen ' +
          '(art. 6:10 lid 1 Awb); anders kan de rechter de behandeling aanhouden (lid 2).',
      });
      continue;
    }
    const termijn = aanvangPerBeroep.get(`${beroep.tegen}\u0000${beroep.jaar}`);
    if (termijn && beroep.ingesteld < termijn.aanvang) {
      vast.push({
        code: 'beroep-voor-aanvang',
        besluit: beroep.tegen,
        melding:
          `Het beroep tegen ${beroep.tegen} (${beroep.jaar}) is ingesteld op ${formatDatumKort(beroep.ingesteld)}, vóór de aanvang ` +
          `van de termijn op ${formatDatumKort(termijn.aanvang)}. Dat maakt het niet te vroeg: het contracteerruimtebesluit ` +
          'was al bekendgemaakt (art. 6:10 lid 1 sub a Awb).',
      });
    }
  }

  // Decisions by bekendmaking, latest first: those after a peildatum are a prefix, found without scanning them all.
  const laatsteEerst = invoer.besluiten
    .map((besluit, volgorde) => ({ besluit, volgorde }))
    .sort((a, b) => (a.besluit.bekendgemaakt < b.besluit.bekendgemaakt ? 1 : a.besluit.bekendgemaakt > b.besluit.bekendgemaakt ? -1 : 0));

  return (peildatum) => {
    const waarschuwingen = [...vooraf];
    const inToekomst: Besluit[] = [];
    const metVolgorde: { besluit: Besluit; volgorde: number }[] = [];
    for (const x of laatsteEerst) {
      if (x.besluit.bekendgemaakt <= peildatum) break;
      metVolgorde.push(x);
    }
    for (const x of metVolgorde.sort((a, b) => a.volgorde - b.volgorde)) inToekomst.push(x.besluit);
    if (inToekomst.length > MAX_LOSSE_WAARSCHUWINGEN) {
      // A peildatum in the past (looking back) makes every later decision "future": one warning, not thousands.
      waarschuwingen.push({
        code: 'bekendmaking-in-toekomst',
        melding:
          `${inToekomst.length} besluiten zijn bekendgemaakt na de peildatum ${formatDatumKort(peildatum)} ` +
          `(onder meer ${inToekomst
            .slice(0, 5)
            .map((b) => b.id)
            .join(', ')}); ze tellen voor de stand op de peildatum niet mee.`,
      });
    } else {
      for (const b of inToekomst) {
        waarschuwingen.push({
          code: 'bekendmaking-in-toekomst',
          besluit: b.id,
          melding: `Besluit ${b.id} is bekendgemaakt op ${formatDatumKort(b.bekendgemaakt)}, na de peildatum ${formatDatumKort(peildatum)}: klopt die datum?`,
        });
      }
    }
    for (const w of nietGedekt) waarschuwingen.push(w);
    for (const { beroep, vast } of perBeroep) {
      if (beroep.ingesteld > peildatum) {
        waarschuwingen.push({
          code: 'beroep-in-toekomst',
          besluit: beroep.tegen,
          melding: `Het beroep tegen ${beroep.tegen} (${beroep.jaar}) is ingesteld op ${formatDatumKort(beroep.ingesteld)}, na de peildatum: klopt die datum?`,
        });
      }
      for (const w of vast) waarschuwingen.push(w);
    }
    return waarschuwingen;
  };
}
