import { findEersteInvoer, findLaatsteActie } from '../gedeeld/auditService';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { organisaties, tariefbeschikkingen, zaken, zorgaanbieders } from '../../db/schema';
import { TARIEFBESCHIKKING_SOORT_LABEL } from '../../domain/besluiten/besluit';
import { decideAanbod, numberBijlagen, stripOnzichtbaar, type Aanbod } from '../../domain/filings/filingAanbod';
import { FILINGS, splitAlineas, type FilingSoort } from '../../domain/filings/filingSoorten';
import { describeGriffierecht, type GriffierechtTarief } from '../../domain/filings/griffierecht';
import { formatDatumKort, formatDatumLang, type IsoDatum } from '../../domain/kalender/kalenderdatum';
import { formatEuro } from '../../opmaak/opmaak';
import { loadRegioRegister } from '../regios/regioBeheer';
import { findStukTermijn } from './stukTermijnen';
import type { TermijnService } from '../termijnen/termijnService';
import type { ZaakOverzichtRij } from '../zaken/zaakOverzicht';
import { findZaakTermijnen } from '../termijnen/zaakTermijnen';
import { buildClientbrief } from './clientbrief';
import { findBestredenBesluit } from './bestredenBesluit';
import { findLopendBeroep, isProFormaIngediend, loadIngediendeProducties, loadOndertekenaars, loadStukgegevens, VERVOLGSTUKKEN } from './filingBronnen';
import type { FilingGegevens } from '../../documents/filingGegevens';
import { splitTwijfels } from '../../domain/termijnen/twijfelTeksten';

export type { FilingGegevens };

export type FilingWeigering = { geweigerd: true; reden: string; alternatief?: Extract<Aanbod, { aangeboden: false }>['alternatief'] };

export interface FilingOpties {
  dagtekening: IsoDatum;
  vandaag: IsoDatum;
  samenhang: boolean;
  /** The configured griffierecht amounts with their sources (may be empty). */
  griffierechtTarieven: readonly GriffierechtTarief[];
}

const hangendOp = (zaak: ZaakOverzichtRij, datum: IsoDatum) => zaak.status === 'ingediend' && zaak.ingesteld !== null && zaak.ingesteld <= datum;

const ZORGKANTOOR_PLAATSHOUDER = '[zorgkantoor invullen]';
const ORDEMAATREGEL_PLAATSHOUDER = '[omschrijf de voorziening, bijvoorbeeld: de regionale contracteerruimte voorlopig te verhogen met € …]';

const tekst = (t: string) => splitAlineas(stripOnzichtbaar(t));

/**
 * The facts of a case for a filing, or the reason no such filing is offered (issue 13). The engine's result for the
 * party decides what is offered; the contested besluit, the parties and the procedure come from the case and its
 * timeline, never from assumptions.
 */
export function buildFilingGegevens(
  db: Db,
  termijnen: TermijnService,
  actor: Actor,
  zaak: ZaakOverzichtRij,
  soort: FilingSoort,
  opties: FilingOpties,
): FilingGegevens | FilingWeigering {
  const definitie = FILINGS[soort];
  const tb =
    zaak.tariefbeschikkingId !== null ? db.select().from(tariefbeschikkingen).where(eq(tariefbeschikkingen.id, zaak.tariefbeschikkingId)).get() : undefined;
  const berekend = termijnen.computeVoorActor(actor, opties.vandaag);
  const zaakTermijnenGevonden = findZaakTermijnen(berekend, zaak);
  const { regio, jaar, termijnen: zaakTermijnen, uitsluitingen, regioJaarStatus, partijStatus, beschermendeDatums } = zaakTermijnenGevonden;
  const termijn = zaakTermijnen[0] ?? null;
  const stuk = loadStukgegevens(db, zaak.id);

  const aanbod = decideAanbod({
    soort,
    zaakSoort: zaak.soort,
    regio: regio ?? null,
    jaar: jaar ?? null,
    partij: zaak.zorgaanbieder,
    tariefbeschikking: tb ? { kenmerk: tb.kenmerk, soort: tb.soort } : null,
    termijn,
    partijStatus: partijStatus ?? null,
    uitsluitingen,
    overigeTwijfels: [
      ...(regioJaarStatus?.twijfel && regioJaarStatus.twijfel !== partijStatus?.twijfel ? [regioJaarStatus.twijfel] : []),
      // Each doubt of a protective date with that date (a doubt of several paragraphs keeps its date on the first).
      ...beschermendeDatums.flatMap((b) =>
        splitTwijfels(b.twijfel ?? '').map((t, i) => (i === 0 ? `${t.replace(/\.$/, '')} (laatste dag ${formatDatumKort(b.einde)}).` : t)),
      ),
    ],
    tijdlijn: { status: zaak.status, ingesteld: zaak.ingesteld, afgerond: zaak.afgerond, cbbZaaknummer: zaak.cbbZaaknummer },
    dagtekening: opties.dagtekening,
  });
  if (!aanbod.aangeboden) return { geweigerd: true, reden: aanbod.reden, ...(aanbod.alternatief ? { alternatief: aanbod.alternatief } : {}) };

  const zaakRij = db
    .select({ zorgaanbiederId: zaken.zorgaanbiederId, gronden: zaken.gronden, spoedeisendBelang: zaken.spoedeisendBelang })
    .from(zaken)
    .where(eq(zaken.id, zaak.id))
    .get()!;
  const aanbieder = zaakRij.zorgaanbiederId !== null ? db.select().from(zorgaanbieders).where(eq(zorgaanbieders.id, zaakRij.zorgaanbiederId)).get() : undefined;
  const organisatie = db.select().from(organisaties).where(eq(organisaties.id, zaak.organisatieId)).get()!;

  // The contested besluit, as amended, the amounts in force and a later besluit (bestredenBesluit.ts).
  const { cr, huidigBedrag, keten, crPlek, bestredenKeten, bestreden, crBedrag, later, nieuwBesluit } = findBestredenBesluit(
    db,
    zaak,
    tb,
    regio,
    jaar,
    opties.dagtekening,
  );
  // Art. 6:19 Awb: the brief is offered only where a later besluit replaced the contested one (issue 29.4).
  if (soort === 'brief-6-19' && (!nieuwBesluit || !hangendOp(zaak, opties.dagtekening))) {
    return {
      geweigerd: true,
      reden: !nieuwBesluit
        ? `na het bestreden besluit heeft de NZa${regio && jaar ? ` voor ${regio} ${jaar}` : ''} geen nieuw besluit bekendgemaakt (tot de dagtekening): er is niets waartoe het beroep zich op grond van art. 6:19 Awb uitstrekt`
        : `het beroep is ingesteld op ${formatDatumKort(zaak.ingesteld!)}, na de dagtekening: een brief op grond van art. 6:19 Awb volgt op een hangend beroep`,
    };
  }

  const tbGegevens = tb
    ? {
        kenmerk: tb.kenmerk,
        soortLabel: TARIEFBESCHIKKING_SOORT_LABEL[tb.soort],
        besluitdatumTekst: formatDatumKort(tb.besluitdatum),
        bekendgemaaktTekst: formatDatumKort(tb.bekendgemaakt),
      }
    : null;
  const besluit =
    zaak.soort === 'beroep'
      ? cr
        ? {
            kenmerk: cr.kenmerk,
            bekendgemaakt: cr.bekendgemaakt,
            besluitdatum: cr.besluitdatum,
            omschrijving: `het contracteerruimtebesluit (${cr.soort}) van de NZa`,
          }
        : { kenmerk: null, bekendgemaakt: null, besluitdatum: null, omschrijving: 'het contracteerruimtebesluit van de NZa' }
      : tb
        ? {
            kenmerk: tb.kenmerk,
            bekendgemaakt: tb.bekendgemaakt,
            besluitdatum: tb.besluitdatum,
            omschrijving: `de tariefbeschikking (${TARIEFBESCHIKKING_SOORT_LABEL[tb.soort]}) van de NZa`,
          }
        : { kenmerk: null, bekendgemaakt: null, besluitdatum: null, omschrijving: 'het besluit van de NZa' };

  // Representation: the signer is one of the organisation's lawyers; an advocaat needs no volmacht at the CBb
  // (art. 8:24 lid 3 Awb); in bezwaar the NZa may ask any gemachtigde for one (art. 2:1 lid 2 Awb).
  const ondertekenaars = loadOndertekenaars(db, zaak.organisatieId);
  const ondertekenaar =
    ondertekenaars.find((o) => o.id === stuk.ondertekenaarId) ??
    ondertekenaars.find((o) => o.id === zaak.verantwoordelijkeId) ??
    ondertekenaars.find((o) => o.id === actor.gebruikerId) ??
    null;
  const extern = !aanbieder || organisatie.kvkNummer !== aanbieder.kvkNummer;
  const vertegenwoordiging = stuk.vertegenwoordiging ?? (organisatie.soort === 'advocatenkantoor' ? 'advocaat' : 'anders');
  const naarCbb = zaak.soort === 'beroep';
  const volmachtBijgevoegd = vertegenwoordiging === 'anders' || (!naarCbb && stuk.volmachtInBezwaar);

  const tijdigheid = aanbod.tijdigheid;
  const teLaat =
    tijdigheid === 'te-laat' &&
    (soort === 'beroepschrift' || soort === 'beroepschrift-pro-forma' || soort === 'bezwaarschrift' || soort === 'bezwaarschrift-pro-forma');

  // Facts from the timeline: only a registered filing is "ingesteld"; only one not yet decided is "hangend".
  // A beroep registered as filed after the dagtekening was not pending on that day.
  const hangend = zaak.status === 'ingediend' && zaak.ingesteld !== null && zaak.ingesteld <= opties.dagtekening;
  const procedure = {
    ingesteldTekst: zaak.ingesteld ? formatDatumKort(zaak.ingesteld) : null,
    cbbZaaknummer: zaak.cbbZaaknummer,
    hangend,
    gelijktijdig: !hangend && stuk.gelijktijdigBeroep,
    afgerondTekst: zaak.afgerond ? formatDatumKort(zaak.afgerond) : null,
    // "Pro forma" only when the case holds a pro forma filing of its kind and no full one (the timeline of documents).
    proForma: isProFormaIngediend(db, zaak),
  };
  const samenhang = opties.samenhang && zaak.soort === 'bezwaar' && regio && jaar ? findLopendBeroep(db, zaak, regio, jaar, opties.dagtekening) : null;

  // Aanvullende gronden claim the hersteltermijn only when the dagtekening lies within it (issue 29.5); otherwise the
  // sentence is left out and the wizard says what to do.
  const herstel = soort === 'aanvullende-gronden' ? findStukTermijn(db, zaak.id, 'hersteltermijn', opties.dagtekening) : undefined;
  const adviezen: string[] = [];
  if (herstel && opties.dagtekening > herstel.einde) {
    adviezen.push(
      `De hersteltermijn eindigde op ${formatDatumKort(herstel.einde)} (art. 6:6 Awb); de dagtekening ligt daarna, dus het stuk zegt niet dat het binnen de termijn wordt ingediend. ` +
        (naarCbb
          ? 'Gronden die na die dag binnenkomen, kunnen leiden tot niet-ontvankelijkverklaring van het pro-formaberoep (art. 6:6 Awb). Vraag de griffier zo snel mogelijk om uitstel en leg uit waarom de termijn is overschreden (vgl. art. 6:11 Awb); is het beroep al met gronden ingesteld, dien dit stuk dan in als nadere stukken, uiterlijk tien dagen vóór de zitting (art. 8:58 Awb).'
          : 'De NZa kan het bezwaar niet-ontvankelijk verklaren (art. 6:6 Awb). Vraag de NZa zo snel mogelijk om uitstel en leg uit waarom de termijn is overschreden (vgl. art. 6:11 Awb), of breng de gronden naar voren op de hoorzitting (art. 7:2 Awb).'),
    );
  } else if (soort === 'aanvullende-gronden' && !herstel && procedure.proForma) {
    adviezen.push(
      `Er is geen hersteltermijn geregistreerd: het stuk noemt er daarom geen. Registreer de termijn uit de brief van ${naarCbb ? 'de griffier' : 'de NZa'} (art. 6:6 Awb) op de zaakpagina.`,
    );
  }

  // The precaution date of art. 6:19 Awb, offered with the brief (and the aanvullende gronden that take the same facts).
  const voorzorg = beschermendeDatums.find((b) => b.regel === 'art-6-19-voorzorg' && b.bekendgemaakt <= opties.dagtekening);
  if (voorzorg && (soort === 'brief-6-19' || (soort === 'aanvullende-gronden' && nieuwBesluit))) {
    adviezen.push(
      voorzorg.einde >= opties.dagtekening
        ? `Dien de brief op grond van art. 6:19 Awb uit voorzorg uiterlijk ${formatDatumLang(voorzorg.einde)} in: zes weken na de bekendmaking van besluit ${voorzorg.besluit} (${formatDatumKort(voorzorg.bekendgemaakt)}).`
        : `De voorzorgsdatum voor een brief op grond van art. 6:19 Awb (${formatDatumLang(voorzorg.einde)}) is verstreken: het beroep strekt zich van rechtswege uit tot besluit ${voorzorg.besluit} (art. 6:19 lid 1 Awb), maar leg uit waarom de gronden daartegen nu pas komen (vgl. art. 6:11 Awb).`,
    );
  }
  if (soort === 'voorlopige-voorziening') {
    adviezen.push(
      `Het verzoek bevat een plaatshouder voor de ordemaatregel (${ORDEMAATREGEL_PLAATSHOUDER}): schorsing alleen laat de regio zonder vastgestelde contracteerruimte. Omschrijf in de alinea "Verzoek" wat de NZa voorlopig moet doen, of haal de zin weg.`,
    );
  }
  const regioGegevens = regio ? loadRegioRegister(db).find(regio) : undefined;
  if (naarCbb && (soort === 'beroepschrift' || soort === 'beroepschrift-pro-forma') && regio && !regioGegevens?.zorgkantoorGeverifieerd) {
    adviezen.push(
      `Het zorgkantoor van de regio ${regio} is niet geverifieerd in de regiogegevens${regioGegevens?.zorgkantoor ? ` (daar staat: ${regioGegevens.zorgkantoor})` : ''}. ` +
        `Het stuk bevat daarom de plaatshouder ${ZORGKANTOOR_PLAATSHOUDER} in de alinea "Het bestreden besluit": vul het zorgkantoor daar in (bewerk de alinea), of laat de NZa-beheerder het zorgkantoor van de regio verifiëren.`,
    );
  }

  const automatisch: string[] = [];
  if (soort === 'voorlopige-voorziening') automatisch.push(hangend ? 'het beroepschrift' : 'het gelijktijdig ingediende beroepschrift');
  const nieuwAlsProductie = later ? `het contracteerruimtebesluit ${later.kenmerk} van ${formatDatumKort(later.besluitdatum)}` : null;
  // A stuk that follows the beroep lists only the new besluit; what was filed before is in the case already.
  if (nieuwAlsProductie && (soort === 'brief-6-19' || soort === 'aanvullende-gronden')) automatisch.push(nieuwAlsProductie);
  if (definitie.art65 && soort !== 'aanvullende-gronden' && soort !== 'brief-6-19') {
    if (naarCbb && cr) {
      if (bestredenKeten.length > 1)
        bestredenKeten.forEach((k, i) =>
          automatisch.push(`het ${i === 0 ? 'contracteerruimtebesluit' : 'wijzigingsbesluit'} ${k.kenmerk} van ${formatDatumKort(k.besluitdatum)}`),
        );
      else automatisch.push(`het bestreden contracteerruimtebesluit ${cr.kenmerk} van ${formatDatumKort(cr.besluitdatum)}`);
      if (nieuwAlsProductie && soort === 'voorlopige-voorziening') automatisch.push(nieuwAlsProductie);
    }
    if (tb) automatisch.push(`de tariefbeschikking ${tb.kenmerk} van ${formatDatumKort(tb.besluitdatum)}${naarCbb ? '' : ' (het bestreden besluit)'}`);
  }
  if (volmachtBijgevoegd) automatisch.push(`de volmacht van ${aanbieder?.naam ?? 'de cliënt'}`);
  // Stukken filed later in a pending case number on from what the case's filed stukken listed (issue 29.6).
  const vervolg = VERVOLGSTUKKEN.has(soort) && hangend ? loadIngediendeProducties(db, zaak, opties.dagtekening) : undefined;
  const bijlagen = soort === 'clientbrief' ? [] : numberBijlagen(automatisch, stuk.bijlagen, vervolg);

  // The client letter (issue 29.3, clientbrief.ts).
  const brief =
    soort === 'clientbrief'
      ? buildClientbrief(db, berekend, {
          dagtekening: opties.dagtekening,
          zaak,
          zaakTermijnen: zaakTermijnenGevonden,
          organisatieSoort: organisatie.soort,
          extern,
          clientNaam: aanbieder?.naam,
          hangend,
          procedure,
          naarCbb,
          tariefbeschikkingKenmerk: tb?.kenmerk,
        })
      : null;

  // Every fact the filing states, with its source (issue 29.1): the wizard shows them beside the paragraphs using them.
  const opDag = (tijdstip: string | null | undefined) => (tijdstip ? formatDatumKort(tijdstip.slice(0, 10)) : 'onbekende datum');
  // Who of the case's own organisation entered a record, and when; never another organisation's name.
  const ingevoerd = (onderwerp: string, id: number, aangemaaktOp: string | null | undefined) => {
    const eerste = findEersteInvoer(db, onderwerp, id, organisatie.id);
    return eerste ? `ingevoerd door ${eerste.door}, ${opDag(eerste.op)}` : `ingevoerd ${opDag(aangemaaktOp)}`;
  };
  const feiten: FilingGegevens['feiten'] = [];
  if (aanbieder) {
    const bron = `cliëntrecord van ${organisatie.naam}, ${ingevoerd('zorgaanbieder', aanbieder.id, aanbieder.aangemaaktOp)}`;
    feiten.push({ waarde: aanbieder.naam, omschrijving: 'de cliënt', bron });
    if (aanbieder.kvkNummer) feiten.push({ waarde: aanbieder.kvkNummer, omschrijving: 'KvK-nummer van de cliënt', bron });
    if (aanbieder.adres) feiten.push({ waarde: aanbieder.adres, omschrijving: 'adres van de cliënt', bron });
  }
  if (tb) {
    feiten.push({
      waarde: tb.kenmerk,
      omschrijving: `tariefbeschikking, bekendgemaakt ${formatDatumKort(tb.bekendgemaakt)}`,
      bron: `tariefbeschikking van ${organisatie.naam} (${ingevoerd('tariefbeschikking', tb.id, tb.aangemaaktOp)})`,
    });
  }
  for (const k of [...bestredenKeten, ...(later ? [later] : [])]) {
    feiten.push({
      waarde: k.kenmerk,
      omschrijving: `contracteerruimtebesluit (${k.soort}), bekendgemaakt ${formatDatumKort(k.bekendgemaakt)}`,
      bron: 'contracteerruimtebesluit van de NZa (openbaar register)',
    });
  }
  if (cr && bestredenKeten.length === 0)
    feiten.push({ waarde: cr.kenmerk, omschrijving: 'contracteerruimtebesluit', bron: 'contracteerruimtebesluit van de NZa (openbaar register)' });
  for (const b of [
    huidigBedrag && { kenmerk: huidigBedrag.kenmerk, c: huidigBedrag.bedragCenten },
    crBedrag && keten[crPlek] && { kenmerk: crBedrag.kenmerk, c: keten[crPlek]!.bedragCenten },
    later && { kenmerk: later.kenmerk, c: later.bedragCenten },
  ]) {
    if (b && !feiten.some((f) => f.waarde === formatEuro(b.c))) {
      feiten.push({
        waarde: formatEuro(b.c),
        omschrijving: `regionale contracteerruimte ${regio} ${jaar}`,
        bron: `bedrag uit besluit ${b.kenmerk} (openbaar register)`,
      });
    }
  }
  if (zaak.ingesteld && procedure.ingesteldTekst) {
    const wie = findLaatsteActie(db, 'zaak', zaak.id, organisatie.id, `${zaak.soort} ingesteld`);
    const bron = `tijdlijn van zaak ${zaak.id} (${zaak.soort} ingesteld${wie ? `, geregistreerd door ${wie.door}, ${opDag(wie.op)}` : ''})`;
    feiten.push({ waarde: procedure.ingesteldTekst, omschrijving: `datum waarop het ${zaak.soort} is ingesteld`, bron });
    if (zaak.cbbZaaknummer) feiten.push({ waarde: zaak.cbbZaaknummer, omschrijving: 'zaaknummer', bron });
  }
  if (samenhang) {
    feiten.push({
      waarde: samenhang.cbbZaaknummer ?? samenhang.ingesteldTekst,
      omschrijving: 'hangend beroep van dezelfde cliënt',
      bron: `tijdlijn van een beroepszaak van ${aanbieder?.naam ?? 'de cliënt'} (${samenhang.regio} ${samenhang.jaar})`,
    });
  }
  if (herstel)
    feiten.push({
      waarde: formatDatumKort(herstel.einde),
      omschrijving: 'laatste dag van de hersteltermijn',
      bron: `brief van ${formatDatumKort(herstel.brief)}, op de zaak geregistreerd (art. 6:6 Awb)`,
    });
  if (termijn)
    feiten.push({
      waarde: formatDatumKort(termijn.einde),
      omschrijving: 'laatste dag van de termijn',
      bron: `termijnberekening (${termijn.grondslag.join(', ')})`,
    });
  if (regioGegevens?.zorgkantoorGeverifieerd && regioGegevens.zorgkantoor)
    feiten.push({ waarde: regioGegevens.zorgkantoor, omschrijving: 'zorgkantoor', bron: 'regiogegevens (geverifieerd)' });

  return {
    soort,
    titel: definitie.titel,
    proForma: definitie.gronden === 'pro-forma',
    zaakSoort: zaak.soort,
    dagtekening: opties.dagtekening,
    dagtekeningTekst: formatDatumKort(opties.dagtekening),
    plaatsDagtekening: organisatie.plaats ?? '',
    briefhoofd: {
      naam: organisatie.naam,
      adres: organisatie.adres,
      postcode: organisatie.postcode,
      plaats: organisatie.plaats,
      email: organisatie.email,
      telefoon: organisatie.telefoon,
      kvkNummer: organisatie.kvkNummer,
      heeftLogo: organisatie.logoPng !== null,
    },
    indiener: aanbieder
      ? {
          id: aanbieder.id,
          naam: aanbieder.naam,
          adres: aanbieder.adres,
          postcode: aanbieder.postcode,
          plaats: aanbieder.plaats,
          kvkNummer: aanbieder.kvkNummer,
        }
      : null,
    vertegenwoordiging: { soort: vertegenwoordiging, naam: ondertekenaar?.naam ?? '', kantoor: organisatie.naam, plaats: organisatie.plaats, extern },
    volmachtBijgevoegd,
    ondertekenaar: ondertekenaar?.naam ?? null,
    besluit: {
      ...besluit,
      bekendgemaaktTekst: besluit.bekendgemaakt ? formatDatumKort(besluit.bekendgemaakt) : '',
      besluitdatumTekst: besluit.besluitdatum ? formatDatumKort(besluit.besluitdatum) : '',
    },
    tariefbeschikking: tbGegevens,
    contracteerruimte: {
      regio: regio ?? '',
      jaar: jaar ?? 0,
      // Printed only when the region data mark it verified; otherwise a placeholder the wizard points at (issue 29.7).
      zorgkantoor: regioGegevens?.zorgkantoor && regioGegevens.zorgkantoorGeverifieerd ? regioGegevens.zorgkantoor : ZORGKANTOOR_PLAATSHOUDER,
      /** The amount in force on the dagtekening, with the besluit that set it. */
      bedrag: huidigBedrag ? { kenmerk: huidigBedrag.kenmerk, tekst: formatEuro(huidigBedrag.bedragCenten) } : null,
      /** The amount the contested besluit set (beroep), with that besluit. */
      bestredenBedrag: crBedrag,
    },
    termijn: termijn
      ? {
          aanvangTekst: formatDatumKort(termijn.aanvang),
          eindeTekst: formatDatumKort(termijn.einde),
          eindeLang: formatDatumLang(termijn.einde),
          grondslag: termijn.grondslag.join(', '),
          toelichting: termijn.toelichting,
          postUiterlijkTekst: formatDatumKort(termijn.perPostUiterlijkOntvangen),
        }
      : null,
    regel: { lid2: termijn?.regel === 'art-105-lid-2', lid3: termijn?.regel === 'art-105-lid-3', awb: termijn?.regel === 'awb-bezwaar' },
    tijdigheid,
    teLaat,
    verschoonbaarheid: tekst(stuk.verschoonbaarheid),
    gronden: tekst(zaakRij.gronden),
    aanvullendeGronden: tekst(stuk.aanvullendeGronden),
    spoedeisendBelang: tekst(zaakRij.spoedeisendBelang),
    belangenafweging: tekst(stuk.belangenafweging),
    beroepHangendOfGelijktijdig: hangend || stuk.gelijktijdigBeroep,
    kortsluiting: soort === 'voorlopige-voorziening' && stuk.kortsluiting,
    contracteerruimtebesluitOntbreekt: zaak.soort === 'beroep' && definitie.art65 && !cr,
    procedure,
    bestreden,
    nieuwBesluit: soort === 'voorlopige-voorziening' || soort === 'brief-6-19' || soort === 'aanvullende-gronden' ? nieuwBesluit : null,
    samenhang,
    hersteltermijn: herstel ? { eindeTekst: formatDatumKort(herstel.einde), binnen: opties.dagtekening <= herstel.einde } : null,
    adviezen,
    feiten,
    rechtstreeksBeroep: zaak.soort === 'bezwaar' && stuk.rechtstreeksBeroep && (soort === 'bezwaarschrift' || soort === 'bezwaarschrift-pro-forma'),
    bijlagen,
    griffierecht:
      naarCbb && (soort === 'beroepschrift' || soort === 'beroepschrift-pro-forma' || soort === 'voorlopige-voorziening' || (brief?.griffierecht ?? false))
        ? { tekst: describeGriffierecht(opties.dagtekening, opties.griffierechtTarieven) }
        : null,
    brief,
    twijfels: aanbod.twijfels,
    ordemaatregel: ORDEMAATREGEL_PLAATSHOUDER,
    kanaal: naarCbb
      ? vertegenwoordiging === 'advocaat'
        ? 'Indienen bij het CBb: een advocaat kan digitaal indienen via Mijn Rechtspraak (digitaal verkeer met de bestuursrechter, afdeling 8.1.6a Awb). Bewaar de ontvangstbevestiging.'
        : `Indienen bij het CBb: zonder advocaat per post (Postbus 20021, 2500 EA Den Haag). Per post is het tijdig als het vóór het einde van de termijn ter post is bezorgd en uiterlijk een week daarna is ontvangen (art. 6:9 lid 2 Awb)${termijn ? `: uiterlijk ${formatDatumKort(termijn.perPostUiterlijkOntvangen)} ontvangen` : ''}. Verstuur aangetekend.`
      : `Indienen bij de NZa: per post (Postbus 3017, 3502 GA Utrecht) of langs de elektronische weg die de NZa daarvoor heeft opengesteld (art. 2:15 Awb). Per post geldt art. 6:9 lid 2 Awb${termijn ? `: uiterlijk ${formatDatumKort(termijn.perPostUiterlijkOntvangen)} ontvangen` : ''}.`,
  };
}
