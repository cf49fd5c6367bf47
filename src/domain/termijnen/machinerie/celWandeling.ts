import { fromDagnummer, type IsoDatum } from '../../kalender/kalenderdatum';
import type { Beroep, Besluit, GevraagdePartij } from '../../besluiten/besluit';
import type { BerekendeTermijn } from '../awbTermijn';
import type { PartijSoort, TermijnRegel } from '../termijn';
import type { LateTekst } from '../teksten/lateTekst';
import type { TwijfelPerSoort } from '../teksten/twijfels';
import { BesluitCode, type BesluitVelden, type CelInvoer, type CelPlaatsen } from './celInvoer';
import { CelResultaat, type CelUitkomst } from './celResultaat';
import { growTo, Int32Lijst } from './kladblok';
import { Lid4Kolommen } from './lid4Kolommen';
import type { PartijRegister } from './partijRegister';
import type { Rekencontext } from './rekencontext';
import { CelTermijnKolommen } from './celTermijnKolommen';
import type { UitsluitingSoort } from './uitsluitingSoort';

// MACHINERY: what the walk over one cell knows so far — where it is, the terms and exclusions it wrote, the parties it
// met and the rules' bookkeeping — and the writing itself. The rules (regels/) decide what is written.

type BeroepVanPartij = Beroep & { partij: string };

const GEEN_BEROEPEN: readonly BeroepVanPartij[] = [];

/**
 * The state of the walk over one cell. One object per cell, its fields read by the rules' steps; the columns live in
 * the run's scratch until `seal`. Methods and fields, not closures: a closure made in the loop over the besluiten would
 * capture that loop's variables, and the loop body would then allocate a context for them per tariefbeschikking.
 */
export class CelWandeling {
  readonly regio: string;
  readonly jaar: number;
  readonly besluiten: readonly Besluit[];
  readonly beroepen: readonly BeroepVanPartij[];
  readonly gevraagd: readonly Pick<GevraagdePartij, 'partij' | 'soort'>[];
  readonly register: PartijRegister;
  readonly kolommen: CelTermijnKolommen;
  /** The beroep terms' positions (at most one per term), in the run's scratch. */
  readonly beroepPosities: Int32Lijst;
  readonly lid4: Lid4Kolommen;
  readonly plaatsen: CelPlaatsen;

  /** The besluit being walked: its place in `besluiten`. */
  plaats = -1;
  /** The version of the contracteerruimte: one more with each contracteerruimtebesluit. */
  versie = 0;
  /** The bekendmaking of the cell's first tariefbeschikking (by place), if any. */
  readonly eersteTariefbeschikking: IsoDatum | undefined;

  // Art. 105 lid 3 Wmg (termijnregels §5), the current version's window.
  /** The position of the current version's lid-3 window (read at the besluit's bekendmaking), or −1. */
  lid3Positie = -1;
  lid3Aanvang: IsoDatum = '';
  /** Its first day as a day number: compared with every tariefbeschikking's. */
  lid3AanvangDag = 0;
  /** Whether the window already carries the doubt of a tariefbeschikking before its 1 March. */
  lid3Gemarkeerd = false;
  /** The doubt of the lid-2 terms of tariefbeschikkingen made known before the window's 1 March, shared. */
  lid3VoorMaartTwijfel: LateTekst | undefined;

  // Art. 105 lid 4 Wmg (termijnregels §6), the terms that opened against the current version.
  /** Latest last day of the lid-3 windows of the current version (open to every party of the region). */
  laatsteEindeRegio: IsoDatum | undefined;
  /** Latest last day among every statutory term of the current version, kept for O(1) checks. */
  laatsteEindeWettelijk: IsoDatum | undefined;
  /** The newcomers' doubt for the current window's end, shared. */
  nieuwkomerTwijfel: { vensterEinde: IsoDatum; tekst: LateTekst } | undefined;

  // The parties of this year, by their number in the columns' party table: the kind, the latest last day of their own
  // statutory terms against the current version, and the order in which they became parties of the year. At most one
  // party per besluit, per party asked for, per appellant and per provider of the region.
  readonly soortVan: (PartijSoort | undefined)[];
  readonly laatsteEindeVan: (IsoDatum | undefined)[];
  readonly partijen: Int32Array;
  aantalPartijen = 0;
  /** The parties asked for, by their number in the columns. */
  readonly gevraagdNummers: number[];

  /** Per exclusion four numbers: the besluit's place, the reason, the party (or −1) and the lid-4 doubt's place (or −1). */
  private uitsluitingen: Int32Array<ArrayBuffer>;
  private aantalUitsluitingen = 0;
  /** By the exclusion's number: for an oud-regime exclusion near the entry into force, the term the new regime would give (§8). */
  private oudRegimeAlsToch: Map<number, BerekendeTermijn> | undefined;
  private readonly beroepenPerPartij = new Map<string, BeroepVanPartij[]>();

  constructor(
    readonly invoer: CelInvoer,
    readonly context: Rekencontext,
    /** Fields read from these very besluiten only. */
    readonly velden: BesluitVelden,
    /** The region's providers with a tariefbeschikking, by name (termijnregels §4), when a besluit of the cell may need them. */
    readonly regioPartijen: readonly [string, IsoDatum][],
  ) {
    const { regio, jaar, besluiten, beroepen, gevraagd } = invoer;
    const { kladblok } = context;
    this.regio = regio;
    this.jaar = jaar;
    this.besluiten = besluiten;
    this.beroepen = beroepen;
    this.gevraagd = gevraagd;
    this.register = velden.register;
    // The cell's terms in the run's scratch, which grows with the largest cell (a contracteerruimtebesluit can give every
    // party of the year a term).
    this.kolommen = new CelTermijnKolommen(context.nummering, kladblok, velden.register);
    this.beroepPosities = new Int32Lijst(kladblok.beroepPosities, (groter) => (kladblok.beroepPosities = groter));
    this.uitsluitingen = kladblok.uitsluitingen;
    this.lid4 = new Lid4Kolommen(kladblok, invoer, this.kolommen, context.config.inwerkingtreding, context.nummering.lid4Tekst);
    const maxPartijen = besluiten.length + gevraagd.length + beroepen.length + regioPartijen.length;
    const { soortVan, laatsteEindeVan, partijen } = kladblok.reservePartijen(maxPartijen);
    this.soortVan = soortVan;
    this.laatsteEindeVan = laatsteEindeVan;
    this.partijen = partijen;
    this.gevraagdNummers = gevraagd.map((g) => this.kolommen.numberPartij(this.register.numberPartij(g.partij)));
    // A party asked for twice keeps its first place and its last kind.
    for (let k = 0; k < gevraagd.length; k++) {
      if (soortVan[this.gevraagdNummers[k]!] === undefined) this.addPartij(this.gevraagdNummers[k]!, gevraagd[k]!.soort);
      else soortVan[this.gevraagdNummers[k]!] = gevraagd[k]!.soort;
    }
    for (const b of beroepen) {
      const lijst = this.beroepenPerPartij.get(b.partij);
      if (lijst) lijst.push(b);
      else this.beroepenPerPartij.set(b.partij, [b]);
    }
    let eersteTariefbeschikking: IsoDatum | undefined;
    for (let p = 0; p < besluiten.length; p++) {
      if (velden.code[p] !== BesluitCode.Contracteerruimte) {
        eersteTariefbeschikking = fromDagnummer(velden.dag[p]!);
        break;
      }
    }
    this.eersteTariefbeschikking = eersteTariefbeschikking;
    this.plaatsen = { contracteerruimte: [], eersteTariefbeschikking: -1, partij: new Int32Array(besluiten.length).fill(-1), chronologisch: true };
  }

  /** Makes the party numbered `nummer` in the columns a party of the year, of kind `soort`. */
  addPartij(nummer: number, soort: PartijSoort): void {
    this.soortVan[nummer] = soort;
    this.laatsteEindeVan[nummer] = undefined;
    this.partijen[this.aantalPartijen++] = nummer;
  }

  /** The party's beroepen against this cell's contracteerruimte, by its number in the columns (its name read only when the cell has beroepen). */
  beroepenVanNummer(nummer: number): readonly BeroepVanPartij[] {
    return this.beroepenPerPartij.size === 0 ? GEEN_BEROEPEN : (this.beroepenPerPartij.get(this.kolommen.partijNaam(nummer)) ?? GEEN_BEROEPEN);
  }

  /** Notes the contracteerruimtebesluit being walked (`CelPlaatsen`). */
  noteContracteerruimte(): void {
    (this.plaatsen.contracteerruimte as number[]).push(this.plaats);
  }

  /** Numbers the addressee of the tariefbeschikking being walked in the columns and notes its place (`CelPlaatsen`); its number. */
  noteTariefbeschikking(): number {
    const nummer = this.kolommen.numberPartij(this.velden.partij[this.plaats]!);
    this.plaatsen.partij[this.plaats] = nummer;
    if (this.plaatsen.eersteTariefbeschikking < 0) this.plaatsen.eersteTariefbeschikking = this.plaats;
    return nummer;
  }

  /** A term of the besluit being walked: bezwaar (`awb-bezwaar`) or a beroep term, for a party or (−1) every party. */
  addTermijn(t: BerekendeTermijn, regel: TermijnRegel, partij: number, partijSoort: PartijSoort | undefined, twijfel: string | LateTekst | undefined): void {
    this.kolommen.add(this.plaats, t, regel, 0, partij, partijSoort, twijfel);
  }

  /** A beroep term against the contracteerruimte of the besluit being walked; `partij` is a number in the party table, or −1 for every party of the region. */
  addBeroepstermijn(
    t: BerekendeTermijn,
    regel: Exclude<TermijnRegel, 'awb-bezwaar'>,
    partij: number,
    twijfel: string | LateTekst | undefined,
    beroepIngesteld?: IsoDatum,
  ): void {
    this.beroepPosities.push(this.kolommen.lengte);
    this.kolommen.add(this.plaats, t, regel, this.versie, partij, partij < 0 ? undefined : this.soortVan[partij], twijfel, beroepIngesteld);
  }

  /** A beroep term for the party numbered `partij` whose doubt depends on its kind. */
  addBeroepstermijnPerSoort(t: BerekendeTermijn, regel: Exclude<TermijnRegel, 'awb-bezwaar'>, partij: number, twijfels: TwijfelPerSoort): void {
    this.addBeroepstermijn(t, regel, partij, this.soortVan[partij] === 'zorgkantoor' ? twijfels.zorgkantoor : twijfels.zorgaanbieder);
  }

  /** An exclusion of the besluit being walked; `alsToch`: for an oud-regime exclusion near the entry into force, the term the new regime would give (§8). */
  addUitsluiting(reden: UitsluitingSoort, partij: number, lid4 = -1, alsToch?: BerekendeTermijn): void {
    const o = 4 * this.aantalUitsluitingen++;
    if (o + 4 > this.uitsluitingen.length) this.uitsluitingen = this.context.kladblok.uitsluitingen = growTo(this.uitsluitingen, 2 * this.uitsluitingen.length);
    const uitsluitingen = this.uitsluitingen;
    uitsluitingen[o] = this.plaats;
    uitsluitingen[o + 1] = reden;
    uitsluitingen[o + 2] = partij;
    uitsluitingen[o + 3] = lid4;
    if (alsToch) (this.oudRegimeAlsToch ??= new Map()).set(this.aantalUitsluitingen - 1, alsToch);
  }

  /** The exclusion `reden` for each zorgkantoor asked for, other than the addressee numbered `adressaat` (in the columns). */
  addUitsluitingVoorGevraagdZorgkantoor(reden: UitsluitingSoort, adressaat: number, alsToch?: BerekendeTermijn): void {
    const { gevraagd, gevraagdNummers } = this;
    for (let k = 0; k < gevraagd.length; k++) {
      if (gevraagd[k]!.soort === 'zorgkantoor' && gevraagdNummers[k] !== adressaat) this.addUitsluiting(reden, gevraagdNummers[k]!, -1, alsToch);
    }
  }

  /** Done walking: the columns out of the scratch, into the cell's result. Kept as typed arrays: outside the heap the collector copies. */
  seal(): CelUitkomst {
    this.kolommen.seal();
    this.lid4.seal();
    return new CelResultaat(
      this.invoer,
      this.context,
      this.kolommen,
      this.beroepPosities.copy(),
      this.uitsluitingen.slice(0, 4 * this.aantalUitsluitingen),
      this.lid4,
      this.plaatsen,
      this.oudRegimeAlsToch,
    );
  }
}
