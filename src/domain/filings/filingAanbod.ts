import { formatDatumKort, type IsoDatum } from '../kalender/kalenderdatum';
import type { TermijnRegel } from '../termijnen/termijn';
import { FILINGS, type FilingSoort } from './filingSoorten';
import { splitTwijfels } from '../termijnen/twijfelTeksten';
import { hoofdletter } from '../tekst';

/** What the engine says about the case's party, reduced to what decides which filing is offered (issue 13, point 1). */
export interface AanbodInvoer {
  soort: FilingSoort;
  zaakSoort: 'beroep' | 'bezwaar';
  regio: string | null;
  jaar: number | null;
  partij: string | null;
  /** The soort of the tariefbeschikking the case hangs off, if any. */
  tariefbeschikking: { kenmerk: string; soort: string } | null;
  termijn: { aanvang: IsoDatum; einde: IsoDatum; regel: TermijnRegel; twijfel?: string | undefined } | null;
  /** The party's own state of beroep against the contracteerruimte (termijnregels §6), when known. */
  partijStatus: { status: string; sinds?: IsoDatum | undefined; twijfel?: string | undefined; toelichting: string } | null;
  uitsluitingen: readonly { reden: string; toelichting: string; twijfel?: string | undefined }[];
  overigeTwijfels: readonly string[];
  /** From the case timeline: filed (and when), decided. */
  tijdlijn: { status: 'concept' | 'ingediend' | 'afgerond'; ingesteld: IsoDatum | null; afgerond: IsoDatum | null; cbbZaaknummer?: string | null };
  dagtekening: IsoDatum;
}

/** Where the filing stands against the term: on time, before it began (6:10), after it ended (6:11), or not computed. */
export type Tijdigheid = 'tijdig' | 'vroeg' | 'te-laat' | 'onbekend';

export type Aanbod =
  | { aangeboden: false; reden: string; alternatief?: { soort: FilingSoort } | { bezwaarzaakTegen: string } }
  | { aangeboden: true; tijdigheid: Tijdigheid; twijfels: string[] };

const BEROEP_TEGEN_CR = new Set<FilingSoort>(['beroepschrift', 'beroepschrift-pro-forma', 'voorlopige-voorziening']);
/** The filings that institute the bezwaar or beroep itself. */
const GESCHRIFT = new Set<FilingSoort>(['beroepschrift', 'beroepschrift-pro-forma', 'bezwaarschrift', 'bezwaarschrift-pro-forma']);

/**
 * Decides whether a filing is offered for this case and how its timeliness reads. Lid 4 (onherroepelijk for the party)
 * and a sluittarief exclude beroep against the contracteerruimte; every doubt of the engine is returned as a sentence.
 */
export function decideAanbod(a: AanbodInvoer): Aanbod {
  const definitie = FILINGS[a.soort];
  const tb = a.tariefbeschikking;
  if (definitie.zaak !== 'beide' && definitie.zaak !== a.zaakSoort) {
    if (tb?.soort === 'sluittarief' && definitie.zaak === 'beroep') {
      return {
        aangeboden: false,
        reden:
          `tegen de contracteerruimte kan geen ${definitie.titel.toLowerCase()} worden opgesteld: ${tb.kenmerk} stelt een Wlz-sluittarief vast ` +
          "in het kader van de nacalculatie, en zo'n beschikking opent geen beroep tegen de regionale contracteerruimte (art. 105 lid 2 Wmg). " +
          'Maak bezwaar tegen de beschikking zelf',
        alternatief: { soort: 'bezwaarschrift' },
      };
    }
    return {
      aangeboden: false,
      reden: `een ${definitie.titel.toLowerCase()} hoort bij een ${definitie.zaak}szaak; dit is een ${a.zaakSoort}szaak`,
      alternatief: { soort: a.zaakSoort === 'beroep' ? 'beroepschrift' : 'bezwaarschrift' },
    };
  }

  const onherroepelijk = a.partijStatus?.status === 'onherroepelijk' || a.uitsluitingen.some((u) => u.reden === 'onherroepelijk');
  // Art. 105 lid 4 Wmg: once onherroepelijk for the party, no beroep against the contracteerruimte; a filed beroep stays.
  if (BEROEP_TEGEN_CR.has(a.soort) && onherroepelijk && a.tijdlijn.status === 'concept') {
    const sinds = a.partijStatus?.sinds ? ` sinds ${formatDatumKort(a.partijStatus.sinds)}` : '';
    return {
      aangeboden: false,
      reden:
        `de regionale contracteerruimte ${a.regio ?? ''} ${a.jaar ?? ''} is voor ${a.partij ?? 'deze partij'} onherroepelijk${sinds} (art. 105 lid 4 Wmg): ` +
        'daartegen staat geen beroep meer open en de CBb zou het beroep niet-ontvankelijk verklaren. ' +
        (tb
          ? `Tegen tariefbeschikking ${tb.kenmerk} zelf kan binnen zes weken na de bekendmaking bezwaar worden gemaakt bij de NZa`
          : 'Bezwaar tegen een tariefbeschikking zelf blijft mogelijk') +
        (a.partijStatus?.twijfel ? `. Twijfel: ${zin(a.partijStatus.twijfel).replace(/\.$/, '')}` : ''),
      ...(tb ? { alternatief: { bezwaarzaakTegen: tb.kenmerk } } : {}),
    };
  }
  // The case's stage (issue 29.8): a decided case takes no new filing; a filed one no second bezwaar- or beroepschrift.
  const geschrift = a.zaakSoort === 'beroep' ? 'beroepschrift' : 'bezwaarschrift';
  if (GESCHRIFT.has(a.soort) && a.tijdlijn.status === 'afgerond') {
    return {
      aangeboden: false,
      reden:
        `het ${a.zaakSoort} is afgedaan${a.tijdlijn.afgerond ? ` op ${formatDatumKort(a.tijdlijn.afgerond)}` : ''}: in deze zaak is geen ${geschrift} meer in te dienen` +
        (a.zaakSoort === 'bezwaar' ? '; tegen de beslissing op bezwaar staat beroep open bij het College van Beroep voor het bedrijfsleven' : ''),
      alternatief: { soort: 'clientbrief' },
    };
  }
  if (GESCHRIFT.has(a.soort) && a.tijdlijn.status === 'ingediend' && a.tijdlijn.ingesteld !== null && a.dagtekening > a.tijdlijn.ingesteld) {
    return {
      aangeboden: false,
      reden:
        `het ${a.zaakSoort} is al ingesteld op ${formatDatumKort(a.tijdlijn.ingesteld)}${a.tijdlijn.cbbZaaknummer ? ` (zaaknummer ${a.tijdlijn.cbbZaaknummer})` : ''}: ` +
        `een ${geschrift} met een latere dagtekening zou een tweede ${a.zaakSoort} zijn. Het ${geschrift} zoals ingediend draagt de dagtekening ${formatDatumKort(a.tijdlijn.ingesteld)}; ` +
        'vul de gronden aan met aanvullende gronden',
      alternatief: { soort: 'aanvullende-gronden' },
    };
  }
  if (a.soort === 'voorlopige-voorziening' && a.tijdlijn.status === 'afgerond') {
    return {
      aangeboden: false,
      reden: `het beroep is afgedaan${a.tijdlijn.afgerond ? ` op ${formatDatumKort(a.tijdlijn.afgerond)}` : ''}: een voorlopige voorziening kan alleen hangende een beroep worden gevraagd (art. 8:81 lid 1 Awb)`,
    };
  }
  if (a.soort === 'brief-6-19' && a.tijdlijn.status !== 'ingediend') {
    return {
      aangeboden: false,
      reden:
        a.tijdlijn.status === 'afgerond'
          ? `het beroep is afgedaan${a.tijdlijn.afgerond ? ` op ${formatDatumKort(a.tijdlijn.afgerond)}` : ''}: er is geen hangend beroep dat zich tot een nieuw besluit kan uitstrekken (art. 6:19 Awb)`
          : 'een brief op grond van art. 6:19 Awb hoort bij een hangend beroep: registreer eerst op de zaakpagina dat het beroep is ingesteld',
    };
  }
  if (a.soort === 'aanvullende-gronden' && a.tijdlijn.status !== 'ingediend') {
    return {
      aangeboden: false,
      reden:
        a.tijdlijn.status === 'afgerond'
          ? `het ${a.zaakSoort} is afgedaan${a.tijdlijn.afgerond ? ` op ${formatDatumKort(a.tijdlijn.afgerond)}` : ''}; er is geen geschrift meer om aan te vullen`
          : `aanvullende gronden verwijzen naar het ingediende pro-formageschrift: registreer eerst op de zaakpagina dat het ${a.zaakSoort} is ingesteld`,
    };
  }

  const twijfels = [
    ...(a.termijn?.twijfel ? [a.termijn.twijfel] : []),
    ...(a.partijStatus?.twijfel ? [a.partijStatus.twijfel] : []),
    ...a.uitsluitingen.flatMap((u) => (u.twijfel ? [u.twijfel] : [])),
    ...a.overigeTwijfels,
  ]
    // One doubt per item: a text of several doubts is split into its paragraphs.
    .flatMap(splitTwijfels)
    .map(zin);
  // One sentence per doubt: a doubt repeated with its date added is kept once, with the date.
  const uniek = [...new Set(twijfels)].filter((t, _, alle) => !alle.some((o) => o !== t && o.startsWith(t.replace(/\.$/, ''))));
  return { aangeboden: true, tijdigheid: decideTijdigheid(a.termijn, a.dagtekening), twijfels: uniek };
}

/** Art. 6:10 (before the start) and 6:11 Awb (after the end): the dagtekening against the term. */
export function decideTijdigheid(termijn: { aanvang: IsoDatum; einde: IsoDatum } | null, dagtekening: IsoDatum): Tijdigheid {
  if (!termijn) return 'onbekend';
  if (dagtekening < termijn.aanvang) return 'vroeg';
  if (dagtekening > termijn.einde) return 'te-laat';
  return 'tijdig';
}

/** A doubt as one sentence: capital first, full stop last. */
function zin(tekst: string): string {
  const t = tekst.trim();
  const hoofd = hoofdletter(t);
  return /[.!?]$/.test(hoofd) ? hoofd : `${hoofd}.`;
}

// Invisible and bidirectional control characters (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069), and the byte-order mark.
const ONZICHTBAAR = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** User text as it may enter a filing: without invisible or direction-changing characters (issue 13, point 8). */
export function stripOnzichtbaar(tekst: string): string {
  return tekst.replace(ONZICHTBAAR, '');
}

const RECHTSVORM = /^(stichting|vereniging|coöperatie|cooperatie)\s+|\s+(b\.?v\.?|n\.?v\.?|u\.?a\.?)$/gi;

/**
 * The download name: `2026-04-13 Beroepschrift CBb – Utrecht 2027 – Zorggroep Heuvelrand.docx`. The client's legal
 * form is left out; characters a file system refuses are dropped.
 */
export function makeBestandsnaam(v: { dagtekening: IsoDatum; soort: FilingSoort; regio: string | null; jaar: number | null; client: string | null }): string {
  const titel = BESTANDSTITEL[v.soort];
  const cel = v.regio && v.jaar ? `${v.regio} ${v.jaar}` : null;
  const client = v.client ? stripOnzichtbaar(v.client).replace(RECHTSVORM, '').trim() : null;
  const naam = [`${v.dagtekening} ${titel}`, cel, client].filter(Boolean).join(' – ');
  return `${naam.replace(/[\\/:*?"<>|\u0000-\u001F]/g, '').replace(/\s+/g, ' ')}.docx`;
}

const BESTANDSTITEL: Record<FilingSoort, string> = {
  beroepschrift: 'Beroepschrift CBb',
  'beroepschrift-pro-forma': 'Beroepschrift pro forma CBb',
  bezwaarschrift: 'Bezwaarschrift NZa',
  'bezwaarschrift-pro-forma': 'Bezwaarschrift pro forma NZa',
  'aanvullende-gronden': 'Aanvullende gronden',
  'voorlopige-voorziening': 'Verzoek voorlopige voorziening CBb',
  'brief-6-19': 'Brief art. 6.19 Awb CBb',
  clientbrief: 'Brief aan cliënt',
};

/**
 * Bijlagen with productienummering: the automatic ones first, then the lawyer's own, numbered 1, 2, … (point 7). In a
 * case with filed stukken (issue 29.6) the numbering continues after the last productie filed, and what was filed
 * already is not listed again.
 */
export function numberBijlagen(
  automatisch: readonly string[],
  eigen: readonly string[],
  ingediend: { laatste: number; omschrijvingen: ReadonlySet<string> } = { laatste: 0, omschrijvingen: new Set() },
): { nummer: number; omschrijving: string }[] {
  const nieuw = [...automatisch, ...eigen.map(stripOnzichtbaar)].map((b) => b.trim()).filter((b) => b.length > 0 && !ingediend.omschrijvingen.has(b));
  return [...new Set(nieuw)].map((omschrijving, i) => ({ nummer: ingediend.laatste + i + 1, omschrijving }));
}
