import { formatDatumKort, fromDagnummer, type IsoDatum } from '../kalender/kalenderdatum';
import type { Beroep, Besluit, TermijnInvoer } from '../besluiten/besluit';
import type { Termijn, TermijnConfig, Waarschuwing } from './termijn';
import { compare } from './volgorde';

/** What the warnings read of a term (a `Termijn`, or the engine's row before its record is made). */
export type WaarschuwingTermijn = Pick<Termijn, 'einde' | 'aanvang' | 'rechtsmiddel' | 'soort' | 'besluit' | 'jaar'>;

const MAX_LOSSE_WAARSCHUWINGEN = 25;

/**
 * Plausibility warnings (termijnregels §7) and what the shipped reference data cannot tell (§3, §8): never a silent
 * result. Depends on the peildatum, unlike the terms.
 */
export function listWaarschuwingen(
  invoer: TermijnInvoer,
  termijnen: TermijnenVoorWaarschuwingen,
  config: TermijnConfig,
  gelezen: GelezenInvoer,
): Waarschuwing[] {
  return prepareWaarschuwingen(invoer, termijnen, config, gelezen)(invoer.peildatum);
}

/** What the warnings read of the terms: the years holding a last day, and the beroep terms against given besluiten. */
export interface TermijnenVoorWaarschuwingen {
  eindjaren: ReadonlySet<number>;
  listBeroepstermijnenTegen(besluiten: ReadonlySet<string>): readonly WaarschuwingTermijn[];
  /** Whether `beroep` was filed in time against a version of (regio, jaar) made known before `voor` (see `TijdigTegenEerdereVersie`). */
  isTijdigTegenEerdereVersie: TijdigTegenEerdereVersie;
}

/**
 * Whether a beroep was filed in time against an earlier version of the contracteerruimte of (regio, jaar): on its
 * `ingesteld` a beroep term of its party (or of the region) against a besluit made known by then and before `voor` had not
 * ended. Such a beroep is extended to the later besluit by art. 6:19 Awb; it was not filed too early.
 */
export type TijdigTegenEerdereVersie = (beroep: Beroep, regio: string, voor: IsoDatum) => boolean;

/**
 * What the warnings read of the input beyond the few besluit objects they name, as `splitInvoer` read it in its one
 * pass over the input: places are indices in `besluiten`. (Three passes of their own over 800,000 objects spread over
 * the heap took some 100 ms at 20× national scale.)
 */
export interface GelezenInvoer {
  /** Per place: the bekendmaking as a day number. */
  dagen: Int32Array;
  /** The places of the contracteerruimtebesluiten, in input order. */
  contracteerruimte: readonly number[];
  /** Per (regio, jaar) with a besluit: the places of its besluiten, in input order. */
  cellen: readonly { regio: string; jaar: number; plaatsen: Int32Array }[];
  /** The besluiten the beroepen name, by id. */
  besluitenPerId: ReadonlyMap<string, Besluit>;
}

/**
 * The warnings in two steps: what depends on the decisions alone, once (per data revision); then, per peildatum, the
 * few that depend on it (a bekendmaking or a beroep after it) — in the order `listWaarschuwingen` gives. The term
 * service composes the same rules per (regio, jaar) cell.
 */
export function prepareWaarschuwingen(
  invoer: Omit<TermijnInvoer, 'peildatum'>,
  termijnen: TermijnenVoorWaarschuwingen,
  config: TermijnConfig,
  gelezen: GelezenInvoer,
): (peildatum: IsoDatum) => Waarschuwing[] {
  const eindjaren = termijnen.eindjaren;
  const vooraf = listAlgemeneWaarschuwingen(eindjaren, config);
  const { besluiten } = invoer;
  const { dagen } = gelezen;

  // The years each region's contracteerruimtebesluiten cover.
  const beroepTegen = new Set(invoer.beroepen.map((b) => b.tegen));
  const contracteerruimtebesluiten: Besluit[] = gelezen.contracteerruimte.map((i) => besluiten[i]!);
  const crJarenPerRegio = new Map<string, Set<number>>();
  for (const b of contracteerruimtebesluiten) {
    if (b.type !== 'contracteerruimte') continue;
    const jaren = crJarenPerRegio.get(b.regio) ?? new Set<number>();
    for (const jaar of b.jaren) jaren.add(jaar);
    crJarenPerRegio.set(b.regio, jaren);
  }
  // Tariefbeschikkingen for a year no contracteerruimtebesluit of their region covers (such a cell holds none), in
  // input order; a region without any contracteerruimtebesluit is not judged.
  const nietGedektPlaatsen: number[] = [];
  for (const cel of gelezen.cellen) {
    const jaren = crJarenPerRegio.get(cel.regio);
    if (jaren && !jaren.has(cel.jaar)) for (const i of cel.plaatsen) nietGedektPlaatsen.push(i);
  }
  const nietGedekt: Waarschuwing[] = [];
  for (const i of nietGedektPlaatsen.sort((a, b) => a - b)) {
    const b = besluiten[i]!;
    if (b.type === 'tariefbeschikking') nietGedekt.push(describeJaarNietGedekt(b, crJarenPerRegio.get(b.regio)!));
  }
  const perBeroep = prepareBeroepWaarschuwingen(
    invoer.beroepen,
    gelezen.besluitenPerId,
    contracteerruimtebesluiten,
    indexEersteBeroepstermijn(beroepTegen.size > 0 ? termijnen.listBeroepstermijnenTegen(beroepTegen) : [], beroepTegen),
    termijnen.isTijdigTegenEerdereVersie,
  );

  let [eersteDag, laatsteDag] = [Infinity, -Infinity];
  for (let i = 0; i < dagen.length; i++) {
    if (dagen[i]! < eersteDag) eersteDag = dagen[i]!;
    if (dagen[i]! > laatsteDag) laatsteDag = dagen[i]!;
  }
  return (peildatum) => {
    // Decisions made known after the peildatum, in the order of the input: one linear pass over the day numbers,
    // counting them all and keeping as many as the list can name one by one (and one more, to know it is more).
    const inToekomst: Besluit[] = [];
    let aantalInToekomst = 0;
    const vanaf = dagen.length === 0 ? Infinity : findEersteDagNa(peildatum, eersteDag, laatsteDag + 1);
    for (let i = 0; i < dagen.length; i++) {
      if (dagen[i]! < vanaf) continue;
      aantalInToekomst += 1;
      if (inToekomst.length <= MAX_LOSSE_WAARSCHUWINGEN) inToekomst.push(besluiten[i]!);
    }
    return assembleWaarschuwingen(peildatum, { vooraf, inToekomst, aantalInToekomst, nietGedekt, perBeroep });
  };
}

/**
 * The first day from `laag` up to `hoog` whose date comes after `peildatum` as a string (`hoog` when none): a bekendmaking
 * on day d is after the peildatum exactly when d is at least this day, as ISO dates of four-digit years order as days.
 */
function findEersteDagNa(peildatum: IsoDatum, laag: number, hoog: number): number {
  while (laag < hoog) {
    const midden = Math.floor((laag + hoog) / 2);
    if (fromDagnummer(midden) > peildatum) hoog = midden;
    else laag = midden + 1;
  }
  return laag;
}

/**
 * Per beroep (those whose besluit is known), what holds whatever the peildatum: measured against the
 * contracteerruimtebesluiten of its (regio, jaar) and the earliest beroep term against its besluit in its year
 * (`aanvangPerBeroep`, see `indexEersteBeroepstermijn`).
 */
export function prepareBeroepWaarschuwingen(
  beroepen: readonly Beroep[],
  besluitenPerId: ReadonlyMap<string, Besluit>,
  besluiten: Iterable<Besluit>,
  aanvangPerBeroep: ReadonlyMap<string, Pick<Termijn, 'aanvang'>>,
  isTijdigTegenEerdereVersie: TijdigTegenEerdereVersie,
): BeroepWaarschuwingen[] {
  // Per (regio, jaar) of a beroep its contracteerruimtebesluiten in order of bekendmaking: the versions a beroep can be
  // against. Only the cells a beroep names (a few among hundreds).
  const versiesPerCel = new Map<string, Besluit[]>();
  for (const beroep of beroepen) {
    const besluit = besluitenPerId.get(beroep.tegen);
    if (besluit) versiesPerCel.set(`${beroep.regio ?? besluit.regio}\u0000${beroep.jaar}`, []);
  }
  if (versiesPerCel.size === 0) return [];
  for (const b of besluiten) {
    if (b.type !== 'contracteerruimte') continue;
    for (const jaar of b.jaren) versiesPerCel.get(`${b.regio}\u0000${jaar}`)?.push(b);
  }
  for (const lijst of versiesPerCel.values()) lijst.sort((a, b) => compare(a.bekendgemaakt, b.bekendgemaakt));
  const perBeroep: BeroepWaarschuwingen[] = [];
  for (const beroep of beroepen) {
    const besluit = besluitenPerId.get(beroep.tegen);
    if (!besluit) continue;
    const regio = beroep.regio ?? besluit.regio;
    perBeroep.push({
      beroep,
      vast: listVasteBeroepWaarschuwingen(
        beroep,
        regio,
        besluit,
        versiesPerCel.get(`${regio}\u0000${beroep.jaar}`) ?? [],
        aanvangPerBeroep.get(`${beroep.tegen}\u0000${beroep.jaar}`),
        isTijdigTegenEerdereVersie,
      ),
    });
  }
  return perBeroep;
}

/** A beroep with the warnings that hold whatever the peildatum. */
export interface BeroepWaarschuwingen {
  beroep: Beroep;
  vast: Waarschuwing[];
}

/** What the configuration and the shipped reference data cannot tell (termijnregels §3, §8): first in every list. */
export function listAlgemeneWaarschuwingen(eindjaren: ReadonlySet<number>, config: TermijnConfig): Waarschuwing[] {
  const waarschuwingen: Waarschuwing[] = [];
  if (config.inwerkingtreding === undefined) {
    waarschuwingen.push({
      code: 'inwerkingtreding-onbekend',
      melding:
        'De datum van inwerkingtreding van art. 105 leden 2–4 Wmg is niet ingesteld. Voor elk besluit zijn de termijnen van ' +
        'het nieuwe regime berekend, met die twijfel; stel de datum in zodra het Staatsblad bekend is.',
    });
  }
  // Art. 3 lid 3 Atw: a KB may equate further days with a feestdag; an end in a year no shipped KB covers may move.
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
  return waarschuwingen;
}

/** A tariefbeschikking for a year no registered contracteerruimtebesluit of its region covers (termijnregels §7). */
export function describeJaarNietGedekt(b: Besluit & { type: 'tariefbeschikking' }, jaren: Iterable<number>): Waarschuwing {
  return {
    code: 'jaar-niet-gedekt',
    besluit: b.id,
    melding:
      `Tariefbeschikking ${b.id} betreft ${b.jaar}, maar geen geregistreerd contracteerruimtebesluit voor ${b.regio} dekt dat jaar ` +
      `(wel: ${[...jaren].sort().join(', ')}). Controleer het jaar of registreer het contracteerruimtebesluit.`,
  };
}

/** Per beroep against a besluit and year: the earliest beroep term against that besluit in that year. */
export function indexEersteBeroepstermijn<T extends WaarschuwingTermijn>(termijnen: readonly T[], beroepTegen: ReadonlySet<string>): Map<string, T> {
  const aanvangPerBeroep = new Map<string, T>();
  if (beroepTegen.size === 0) return aanvangPerBeroep;
  for (const t of termijnen) {
    if (t.rechtsmiddel === 'beroep' && t.soort === 'termijn' && beroepTegen.has(t.besluit)) {
      const sleutel = `${t.besluit}\u0000${t.jaar}`;
      const bekend = aanvangPerBeroep.get(sleutel);
      if (!bekend || t.aanvang < bekend.aanvang) aanvangPerBeroep.set(sleutel, t);
    }
  }
  return aanvangPerBeroep;
}

/**
 * What holds for a beroep whatever the peildatum (art. 6:10 Awb). A beroep lies against the contracteerruimte of (regio,
 * jaar); `tegen` names the contracteerruimtebesluit or the tariefbeschikking that opened the term. Each warning states
 * only what the input holds (termijnregels §7): the contracteerruimtebesluit it names is the one the beroep is against
 * (`tegen` itself, or the version in force when the tariefbeschikking was made known), and where the law is conditional
 * so is the warning. A beroep pending when a later besluit amends the year is extended to it (art. 6:19 Awb): no warning.
 */
export function listVasteBeroepWaarschuwingen(
  beroep: Beroep,
  regio: string,
  tegen: Besluit,
  /** The contracteerruimtebesluiten of (regio, jaar), in order of bekendmaking. */
  versies: readonly Besluit[],
  termijn: Pick<Termijn, 'aanvang'> | undefined,
  isTijdigTegenEerdereVersie: TijdigTegenEerdereVersie,
): Waarschuwing[] {
  // The contracteerruimtebesluit the beroep is against, if the input holds it.
  let contracteerruimte: Besluit | undefined;
  if (tegen.type === 'contracteerruimte') contracteerruimte = tegen;
  else for (const v of versies) if (v.bekendgemaakt <= tegen.bekendgemaakt) contracteerruimte = v;
  if (contracteerruimte && beroep.ingesteld < contracteerruimte.bekendgemaakt) {
    // Filed in time against an earlier version of the year and extended to this one by art. 6:19 Awb: not early.
    // Art. 6:19 Awb extends only a beroep still pending when the later besluit came.
    const lopendToen = beroep.afgerond === null || beroep.afgerond >= contracteerruimte.bekendgemaakt;
    if (lopendToen && versies.some((v) => v.bekendgemaakt <= beroep.ingesteld) && isTijdigTegenEerdereVersie(beroep, regio, contracteerruimte.bekendgemaakt)) {
      return [];
    }
    return [
      {
        code: 'beroep-voor-besluit',
        besluit: beroep.tegen,
        melding:
          `Het beroep over de contracteerruimte ${regio} ${beroep.jaar} is ingesteld op ${formatDatumKort(beroep.ingesteld)}, vóór de ` +
          `bekendmaking van contracteerruimtebesluit ${contracteerruimte.id} (${formatDatumKort(contracteerruimte.bekendgemaakt)}). Het is ` +
          'ontvankelijk als het besluit toen al tot stand was gekomen of de indiener dat redelijkerwijs kon menen ' +
          '(art. 6:10 lid 1 Awb); zo niet, dan kan de rechter de behandeling aanhouden (lid 2).',
      },
    ];
  }
  if (termijn && beroep.ingesteld < termijn.aanvang) {
    const grond = contracteerruimte
      ? `Dat maakt het niet te vroeg: contracteerruimtebesluit ${contracteerruimte.id} was al bekendgemaakt op ` +
        `${formatDatumKort(contracteerruimte.bekendgemaakt)} (art. 6:10 lid 1 sub a Awb).`
      : 'Het is ontvankelijk als het besluit waartegen het zich richt toen al tot stand was gekomen (art. 6:10 lid 1 sub a Awb); ' +
        `het contracteerruimtebesluit over ${regio} ${beroep.jaar} staat niet in de invoer.`;
    return [
      {
        code: 'beroep-voor-aanvang',
        besluit: beroep.tegen,
        melding:
          `Het beroep tegen ${beroep.tegen} (${beroep.jaar}) is ingesteld op ${formatDatumKort(beroep.ingesteld)}, vóór de aanvang ` +
          `van de termijn op ${formatDatumKort(termijn.aanvang)}. ${grond}`,
      },
    ];
  }
  return [];
}

/** More decisions after the peildatum than this become one warning (a peildatum in the past makes all later ones "future"). */
export const MAX_LOSSE_TOEKOMSTWAARSCHUWINGEN = MAX_LOSSE_WAARSCHUWINGEN;

/**
 * The list at a peildatum, in one order: the general warnings, decisions made known after the peildatum (`inToekomst`
 * in the order of the input: all of them up to MAX_LOSSE_TOEKOMSTWAARSCHUWINGEN, else at least the first five of
 * `aantalInToekomst`), years not covered, then per beroep one filed after the peildatum and what holds anyway.
 */
export function assembleWaarschuwingen(
  peildatum: IsoDatum,
  delen: {
    vooraf: readonly Waarschuwing[];
    inToekomst: readonly Besluit[];
    aantalInToekomst: number;
    nietGedekt: readonly Waarschuwing[];
    perBeroep: readonly BeroepWaarschuwingen[];
  },
): Waarschuwing[] {
  const waarschuwingen = [...delen.vooraf];
  if (delen.aantalInToekomst > MAX_LOSSE_WAARSCHUWINGEN) {
    waarschuwingen.push({
      code: 'bekendmaking-in-toekomst',
      melding:
        `${delen.aantalInToekomst} besluiten zijn bekendgemaakt na de peildatum ${formatDatumKort(peildatum)} ` +
        `(onder meer ${delen.inToekomst
          .slice(0, 5)
          .map((b) => b.id)
          .join(', ')}); ze tellen voor de stand op de peildatum niet mee.`,
    });
  } else {
    for (const b of delen.inToekomst) {
      waarschuwingen.push({
        code: 'bekendmaking-in-toekomst',
        besluit: b.id,
        melding: `Besluit ${b.id} is bekendgemaakt op ${formatDatumKort(b.bekendgemaakt)}, na de peildatum ${formatDatumKort(peildatum)}: klopt die datum?`,
      });
    }
  }
  for (const w of delen.nietGedekt) waarschuwingen.push(w);
  for (const { beroep, vast } of delen.perBeroep) {
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
}
