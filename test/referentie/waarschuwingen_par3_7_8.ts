// Termijnregels §3, §7 and §8: the warnings, what the input or the reference data cannot tell (never a silent result).
// The entry into force not set (§8); a computed last day in a year no shipped KB covers (§3, art. 3 lid 3 Atw); a
// bekendmaking or beroep after the peildatum, a tariefbeschikking for a year not covered, a beroep filed before its
// besluit or its term (§7, art. 6:10 Awb).
import { jaarVan, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import type { Beroep, Besluit, TermijnInvoer } from '../../src/domain/besluiten/besluit';
import type { TermijnConfig, Waarschuwing } from '../../src/domain/termijnen/termijn';
import * as statusTekst from './statusTeksten';
import { adressaatVan, vergelijk } from './gedeeld';
import type { RegioJaarUitkomst } from './stand';

/** §7: a beroep filed before the besluit it is against (6:10), or before its term began — unless saved by art. 6:19. */
function beroepWaarschuwingen_art6_10Awb(beroep: Beroep, invoer: TermijnInvoer, uitkomsten: RegioJaarUitkomst[]): Waarschuwing[] {
  const tegen = invoer.besluiten.find((b) => b.id === beroep.tegen)!;
  const regio = beroep.regio ?? tegen.regio;
  const versies = invoer.besluiten
    .filter((b) => b.type === 'contracteerruimte' && b.regio === regio && b.jaren.includes(beroep.jaar))
    .sort((a, b) => vergelijk(a.bekendgemaakt, b.bekendgemaakt));
  // The contracteerruimtebesluit the beroep is against: `tegen` itself, or the version in force when the tariefbeschikking came.
  let contracteerruimte: Besluit | undefined;
  if (tegen.type === 'contracteerruimte') contracteerruimte = tegen;
  else for (const v of versies) if (v.bekendgemaakt <= tegen.bekendgemaakt) contracteerruimte = v;

  if (contracteerruimte && beroep.ingesteld < contracteerruimte.bekendgemaakt) {
    // Filed in time against an earlier version and still pending when this one came: extended by art. 6:19 Awb, not early.
    const lopendToen = beroep.afgerond === null || beroep.afgerond >= contracteerruimte.bekendgemaakt;
    if (
      lopendToen &&
      versies.some((v) => v.bekendgemaakt <= beroep.ingesteld) &&
      isTijdigTegenEerdereVersie(beroep, regio, contracteerruimte.bekendgemaakt, uitkomsten)
    ) {
      return [];
    }
    return [
      {
        code: 'beroep-voor-besluit',
        besluit: beroep.tegen,
        melding: statusTekst.meldingBeroepVoorBesluit(regio, beroep.jaar, beroep.ingesteld, contracteerruimte.id, contracteerruimte.bekendgemaakt),
      },
    ];
  }
  // The earliest statutory beroep term against `tegen` in the beroep's year (any region: engine's choice, spec silent).
  const aanvangen: IsoDatum[] = [];
  for (const u of uitkomsten) {
    for (const r of u.termijnen) {
      const t = r.termijn;
      if (t.rechtsmiddel === 'beroep' && t.soort === 'termijn' && t.besluit === beroep.tegen && t.jaar === beroep.jaar) aanvangen.push(t.aanvang);
    }
  }
  const aanvang = aanvangen.sort()[0];
  if (aanvang !== undefined && beroep.ingesteld < aanvang) {
    return [
      {
        code: 'beroep-voor-aanvang',
        besluit: beroep.tegen,
        melding: statusTekst.meldingBeroepVoorAanvang(beroep.tegen, beroep.jaar, beroep.ingesteld, aanvang, regio, contracteerruimte),
      },
    ];
  }
  return [];
}

/** Whether a beroep was filed while a beroep term of its party (or of the region) ran against a besluit made known before `voor`. */
function isTijdigTegenEerdereVersie(beroep: Beroep, regio: string, voor: IsoDatum, uitkomsten: RegioJaarUitkomst[]): boolean {
  const uitkomst = uitkomsten.find((u) => u.regioJaar.regio === regio && u.regioJaar.jaar === beroep.jaar);
  if (!uitkomst) return false;
  const besluit = uitkomst.regioJaar.besluiten.find((b) => b.id === beroep.tegen);
  const partij = beroep.partij ?? (besluit?.type === 'tariefbeschikking' ? adressaatVan(besluit) : undefined);
  return uitkomst.termijnen.some(({ termijn: t }) => {
    if (t.rechtsmiddel !== 'beroep' || t.bekendgemaakt > beroep.ingesteld || t.bekendgemaakt >= voor) return false;
    if (t.partij !== undefined && t.partij !== partij) return false;
    return t.einde >= beroep.ingesteld;
  });
}

// More decisions after the peildatum than this become one warning that names the first five and the number (engine's
// choice: §7 asks a clear warning for each; past 25 one summary stays readable on a page, docs/adr/0005).
const MAX_LOSSE_WAARSCHUWINGEN = 25;

/** §3, §7, §8: what the input or the reference data cannot tell — never a silent result. */
export function waarschuwingen_par3_7_8(invoer: TermijnInvoer, config: TermijnConfig, uitkomsten: RegioJaarUitkomst[]): Waarschuwing[] {
  const { peildatum } = invoer;
  const waarschuwingen: Waarschuwing[] = [];
  // §8: the entry into force is not set.
  if (config.inwerkingtreding === undefined) waarschuwingen.push({ code: 'inwerkingtreding-onbekend', melding: statusTekst.MELDING_INWERKINGTREDING_ONBEKEND });
  // §3, art. 3 lid 3 Atw: a last day in a year no shipped KB covers may still move.
  const eindjaren = new Set<number>();
  for (const u of uitkomsten) for (const r of u.termijnen) eindjaren.add(jaarVan(r.termijn.einde));
  // The last day an exclusion's doubt advises filing by (`eindeAlsToch`) is a computed end date too.
  for (const u of uitkomsten) for (const r of u.uitsluitingen) if (r.uitsluiting.eindeAlsToch) eindjaren.add(jaarVan(r.uitsluiting.eindeAlsToch));
  for (const jaar of [...eindjaren].sort((a, b) => a - b)) {
    if (!config.kalender.isKbBekend(jaar)) waarschuwingen.push({ code: 'kb-onbekend', jaar, melding: statusTekst.meldingKbOnbekend(jaar) });
  }
  // §7: a bekendmaking after the peildatum.
  const inToekomst = invoer.besluiten.filter((b) => b.bekendgemaakt > peildatum);
  if (inToekomst.length > MAX_LOSSE_WAARSCHUWINGEN) {
    const eersteVijf = inToekomst.slice(0, 5).map((b) => b.id);
    waarschuwingen.push({ code: 'bekendmaking-in-toekomst', melding: statusTekst.meldingVeleBesluitenInToekomst(inToekomst.length, peildatum, eersteVijf) });
  } else {
    for (const b of inToekomst) {
      waarschuwingen.push({ code: 'bekendmaking-in-toekomst', besluit: b.id, melding: statusTekst.meldingBesluitInToekomst(b.id, b.bekendgemaakt, peildatum) });
    }
  }
  // §7: a tariefbeschikking for a year the region's contracteerruimtebesluiten do not cover. A region without any
  // registered is not judged (engine's choice: nothing is known of what it covers, and the case is a term with no
  // contracteerruimte to appeal yet, not an implausible year).
  const gedektPerRegio = new Map<string, Set<number>>();
  for (const c of invoer.besluiten) {
    if (c.type !== 'contracteerruimte') continue;
    if (!gedektPerRegio.has(c.regio)) gedektPerRegio.set(c.regio, new Set());
    for (const j of c.jaren) gedektPerRegio.get(c.regio)!.add(j);
  }
  for (const b of invoer.besluiten) {
    if (b.type !== 'tariefbeschikking') continue;
    const gedekt = gedektPerRegio.get(b.regio);
    if (gedekt && !gedekt.has(b.jaar)) {
      waarschuwingen.push({
        code: 'jaar-niet-gedekt',
        besluit: b.id,
        melding: statusTekst.meldingJaarNietGedekt(b.id, b.jaar, b.regio, [...gedekt].sort().join(', ')),
      });
    }
  }
  // §7: per beroep, one filed after the peildatum, and one filed too early.
  for (const beroep of invoer.beroepen) {
    if (beroep.ingesteld > peildatum) {
      waarschuwingen.push({
        code: 'beroep-in-toekomst',
        besluit: beroep.tegen,
        melding: statusTekst.meldingBeroepInToekomst(beroep.tegen, beroep.jaar, beroep.ingesteld),
      });
    }
    waarschuwingen.push(...beroepWaarschuwingen_art6_10Awb(beroep, invoer, uitkomsten));
  }
  return waarschuwingen;
}
