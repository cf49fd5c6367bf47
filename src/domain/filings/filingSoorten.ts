export const FILING_SOORTEN = [
  'beroepschrift',
  'beroepschrift-pro-forma',
  'bezwaarschrift',
  'bezwaarschrift-pro-forma',
  'aanvullende-gronden',
  'voorlopige-voorziening',
  'brief-6-19',
  'clientbrief',
] as const;

export type FilingSoort = (typeof FILING_SOORTEN)[number];

export interface FilingDefinitie {
  titel: string;
  /** Which case it belongs to; a clientbrief fits both. */
  zaak: 'beroep' | 'bezwaar' | 'beide';
  /** Art. 6:5 lid 1 onder d Awb: grounds required, or a pro-forma filing that announces them. */
  gronden: 'verplicht' | 'pro-forma' | 'aanvullend' | 'geen';
  /** A filing to a court or the NZa, so art. 6:5 Awb applies (the letter to the client is not one). */
  art65: boolean;
  /** Bumped whenever the template's text changes; stored with every generated version. */
  sjabloonVersie: string;
}

export const FILINGS: Record<FilingSoort, FilingDefinitie> = {
  beroepschrift: { titel: 'Beroepschrift (CBb)', zaak: 'beroep', gronden: 'verplicht', art65: true, sjabloonVersie: '2026.12-1' },
  'beroepschrift-pro-forma': { titel: 'Beroepschrift pro forma (CBb)', zaak: 'beroep', gronden: 'pro-forma', art65: true, sjabloonVersie: '2026.12-1' },
  bezwaarschrift: { titel: 'Bezwaarschrift (NZa)', zaak: 'bezwaar', gronden: 'verplicht', art65: true, sjabloonVersie: '2026.11-2' },
  'bezwaarschrift-pro-forma': { titel: 'Bezwaarschrift pro forma (NZa)', zaak: 'bezwaar', gronden: 'pro-forma', art65: true, sjabloonVersie: '2026.11-2' },
  'aanvullende-gronden': { titel: 'Aanvullende gronden', zaak: 'beide', gronden: 'aanvullend', art65: true, sjabloonVersie: '2026.12-1' },
  'voorlopige-voorziening': {
    titel: 'Verzoek om voorlopige voorziening (CBb)',
    zaak: 'beroep',
    gronden: 'verplicht',
    art65: true,
    sjabloonVersie: '2026.12-1',
  },
  // Issue 29.4: the letter that extends a pending beroep to the besluit that replaced the contested one (art. 6:19 Awb).
  'brief-6-19': { titel: 'Brief art. 6:19 Awb (CBb)', zaak: 'beroep', gronden: 'geen', art65: true, sjabloonVersie: '2026.12-1' },
  clientbrief: { titel: 'Brief aan de cliënt', zaak: 'beide', gronden: 'geen', art65: false, sjabloonVersie: '2026.12-1' },
};

/** The minimum the art. 6:5 check looks at. */
export interface Art65Gegevens {
  /** Null when the case has no client: the appellant is the client, never the firm. */
  indiener: { naam: string; adres: string | null; postcode: string | null; plaats: string | null } | null;
  dagtekening: string | null;
  besluit: { kenmerk: string | null; bekendgemaakt: string | null };
  gronden: string[];
  ondertekenaar: string | null;
  spoedeisendBelang: string[];
  /** Lid 2: the contracteerruimtebesluit the tariefbeschikking applied; missing when none is registered. */
  contracteerruimtebesluitOntbreekt: boolean;
  /** Late filing (art. 6:11 Awb): the user's facts; required. */
  teLaat: boolean;
  verschoonbaarheid: string[];
  aanvullendeGronden: string[];
  belangenafweging: string[];
  /** Vovo: a pending beroep (timeline) or one filed at the same time. */
  beroepHangendOfGelijktijdig: boolean;
}

export interface Ontbrekend {
  veld:
    | 'client'
    | 'indienerAdres'
    | 'dagtekening'
    | 'besluit'
    | 'contracteerruimtebesluit'
    | 'gronden'
    | 'aanvullendeGronden'
    | 'ondertekenaar'
    | 'spoedeisendBelang'
    | 'belangenafweging'
    | 'beroepHangend'
    | 'verschoonbaarheid';
  melding: string;
}

/**
 * Art. 6:5 lid 1 Awb: a bezwaar- or beroepschrift is signed and holds the name and address of the indiener, the
 * dagtekening, a description of the contested decision and the grounds. A pro-forma filing announces its grounds
 * instead (art. 6:6 Awb gives a term to supply them). Art. 8:81 Awb: a voorlopige voorziening needs urgency.
 */
export function checkArt65(soort: FilingSoort, g: Art65Gegevens): Ontbrekend[] {
  const definitie = FILINGS[soort];
  const ontbrekend: Ontbrekend[] = [];
  // The appellant is the client (zorgaanbieder or zorgkantoor), never the firm: also the letter needs to know whom it is to.
  if (!g.indiener) ontbrekend.push({ veld: 'client', melding: 'de cliënt ontbreekt: kies de zorgaanbieder voor wie het stuk wordt ingediend' });
  if (!definitie.art65) return ontbrekend;
  const leeg = (x: string | null | undefined) => !x || !x.trim();
  if (g.indiener && (leeg(g.indiener.adres) || leeg(g.indiener.postcode) || leeg(g.indiener.plaats))) {
    ontbrekend.push({ veld: 'indienerAdres', melding: `het adres van ${g.indiener.naam} (straat, postcode en plaats) ontbreekt (art. 6:5 lid 1 onder a Awb)` });
  }
  if (leeg(g.dagtekening)) ontbrekend.push({ veld: 'dagtekening', melding: 'de dagtekening ontbreekt (art. 6:5 lid 1 onder b Awb)' });
  if (leeg(g.besluit.kenmerk) || leeg(g.besluit.bekendgemaakt)) {
    ontbrekend.push({
      veld: 'besluit',
      melding: 'het bestreden besluit is niet te omschrijven: kenmerk of datum van bekendmaking ontbreekt (art. 6:5 lid 1 onder c Awb)',
    });
  }
  if (g.contracteerruimtebesluitOntbreekt) {
    ontbrekend.push({
      veld: 'contracteerruimtebesluit',
      melding:
        'het contracteerruimtebesluit dat de tariefbeschikking toepast is niet geregistreerd: zonder kenmerk en datum is het bestreden besluit niet te omschrijven (art. 6:5 lid 1 onder c Awb)',
    });
  }
  if (definitie.gronden === 'verplicht' && g.gronden.length === 0) {
    ontbrekend.push({ veld: 'gronden', melding: 'de gronden ontbreken (art. 6:5 lid 1 onder d Awb); vul ze in of kies het pro-formageschrift' });
  }
  if (definitie.gronden === 'aanvullend' && g.aanvullendeGronden.length === 0) {
    ontbrekend.push({ veld: 'aanvullendeGronden', melding: 'de aanvullende gronden ontbreken (art. 6:6 Awb)' });
  }
  if (soort === 'voorlopige-voorziening') {
    if (!g.beroepHangendOfGelijktijdig)
      ontbrekend.push({
        veld: 'beroepHangend',
        melding:
          'volgens de tijdlijn is nog geen beroep ingesteld: een voorlopige voorziening vereist een hangend of gelijktijdig ingesteld beroep (art. 8:81 lid 1 Awb)',
      });
    if (g.spoedeisendBelang.length === 0) ontbrekend.push({ veld: 'spoedeisendBelang', melding: 'het spoedeisend belang ontbreekt (art. 8:81 lid 1 Awb)' });
    if (g.belangenafweging.length === 0)
      ontbrekend.push({
        veld: 'belangenafweging',
        melding: 'de belangenafweging ontbreekt: waarom weegt het belang van verzoekster zwaarder dan dat van de NZa bij onverkorte uitvoering?',
      });
  }
  if (g.teLaat && g.verschoonbaarheid.length === 0) {
    ontbrekend.push({
      veld: 'verschoonbaarheid',
      melding: 'de dagtekening ligt na de laatste dag: beschrijf waarom de termijnoverschrijding verschoonbaar is (art. 6:11 Awb)',
    });
  }
  if (leeg(g.ondertekenaar)) ontbrekend.push({ veld: 'ondertekenaar', melding: 'de ondertekening ontbreekt (art. 6:5 lid 1 Awb)' });
  return ontbrekend;
}

/** Paragraphs from free text: blank lines separate them; whitespace-only paragraphs are dropped. */
export function splitAlineas(tekst: string): string[] {
  return tekst
    .split(/\r?\n\s*\r?\n/)
    .map((a) => a.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((a) => a.length > 0);
}
