// Termijnregels §6, art. 105 lid 4 Wmg, at the peildatum: the state of beroep against the contracteerruimte per party
// and per (regio, jaar), in beroep, open with its safe date (§7), not yet open, onherroepelijk (with the postal week of
// art. 6:9 lid 2 Awb, §9) or waiting, read from the terms the walk left, the new-regime dates of oud-regime exclusions
// (§8) and the beroepen.
import { addDagen, type IsoDatum } from '../../src/domain/kalender/kalenderdatum';
import type { Beroep, Contracteerruimtebesluit } from '../../src/domain/besluiten/besluit';
import type { PartijStatus, RegioJaarStatus, Termijn, TermijnConfig } from '../../src/domain/termijnen/termijn';
import { TWIJFEL_INWERKINGTREDING } from '../../src/domain/termijnen/twijfelTeksten';
import * as tekst from './teksten';
import * as statusTekst from './statusTeksten';
import { adressaatVan, isLopend, vergelijk } from './gedeeld';
import { perPostUiterlijk_art6_9Awb } from './basistermijn_par2_3';
import { isOudRegime_par8 } from './par8_overgangsrecht';
import type { RegioJaarUitkomst } from './stand';

/** A term as a status reads it (a term of the year, or the new-regime date of an oud-regime exclusion, §8). */
interface StatusTermijn {
  aanvang: IsoDatum;
  einde: IsoDatum;
  soort: Termijn['soort'];
  versie: number;
  twijfel: string | undefined;
}

interface Peilcontext {
  regio: string;
  jaar: number;
  peildatum: IsoDatum;
  versie: number;
  huidige: Contracteerruimtebesluit | undefined;
  oudRegime: boolean;
  inwerkingtreding: IsoDatum | undefined;
  wachtOpGewijzigdeTariefbeschikking: boolean;
}

/**
 * §6: the state of beroep against the contracteerruimte at the peildatum, for one party (`partij`) or for the region-year,
 * from the terms that count (oldest first) and the beroepen of that party (or of everyone).
 */
export function statusOpPeildatum_art105lid4(termijnen: StatusTermijn[], beroepen: Beroep[], context: Peilcontext, partij?: string): RegioJaarStatus {
  const { regio, jaar, peildatum } = context;
  const nogNietVerstreken = termijnen.filter((t) => t.einde >= peildatum);
  const geopend = nogNietVerstreken.filter((t) => t.aanvang <= peildatum);
  // §7: the earliest last day of the running terms is the safe date.
  const veilig = geopend.length > 0 ? nogNietVerstreken.map((t) => t.einde).sort()[0] : undefined;

  // The doubts of the running terms, each once in the order of the terms (the unknown entry into force is said on every
  // page already); then the amendment's (engine's choice).
  const twijfels: string[] = [];
  for (const t of nogNietVerstreken) {
    for (const deel of (t.twijfel ?? '').split(tekst.ALINEA)) {
      const alinea = deel.trim();
      if (alinea !== '' && alinea !== TWIJFEL_INWERKINGTREDING && !twijfels.includes(alinea)) twijfels.push(alinea);
    }
  }
  if (nogNietVerstreken.some((t) => t.versie < context.versie) && context.huidige) {
    const wijziging = statusTekst.twijfelTegenEerdereVersie(context.huidige.id);
    if (!twijfels.includes(wijziging)) twijfels.push(wijziging);
  }
  const twijfel = twijfels.length > 0 ? twijfels.join(tekst.ALINEA) : undefined;

  const lopend = beroepen.filter((b) => isLopend(b, peildatum));
  if (lopend.length > 0) {
    const eersteIngesteld = lopend.map((b) => b.ingesteld).sort()[0]!;
    const status: RegioJaarStatus = { regio, jaar, status: 'in-beroep', toelichting: statusTekst.toelichtingInBeroep(eersteIngesteld, veilig) };
    if (veilig) status.veiligeUitersteDatum = veilig;
    if (twijfel) status.twijfel = twijfel;
    return status;
  }
  if (veilig) {
    const eindes = [...new Set(nogNietVerstreken.map((t) => t.einde))].sort();
    const status: RegioJaarStatus = {
      regio,
      jaar,
      status: 'open',
      veiligeUitersteDatum: veilig,
      toelichting: statusTekst.toelichtingOpen(veilig, eindes, partij !== undefined),
    };
    if (twijfel) status.twijfel = twijfel;
    return status;
  }
  if (nogNietVerstreken.length > 0) {
    // §5: a lid-3 window that has not opened yet.
    const opent = nogNietVerstreken.map((t) => t.aanvang).sort()[0]!;
    const status: RegioJaarStatus = { regio, jaar, status: 'nog-niet-open', opent, toelichting: statusTekst.toelichtingNogNietOpenVenster(opent) };
    if (twijfel) status.twijfel = twijfel;
    return status;
  }
  if (termijnen.length > 0) {
    // Onherroepelijk: the day after the last day — or the uitspraak, when a beroep ended later.
    const laatsteDag = termijnen.map((t) => t.einde).sort()[termijnen.length - 1]!;
    const dagNaLaatsteDag = addDagen(laatsteDag, 1);
    let sinds = dagNaLaatsteDag;
    for (const b of beroepen) if (b.afgerond !== null && b.afgerond <= peildatum && b.afgerond > sinds) sinds = b.afgerond;
    // §6, art. 6:9 lid 2 Awb: only while the last day closed it, for the postal week.
    const uiterlijk = perPostUiterlijk_art6_9Awb(laatsteDag);
    const perPost = sinds === dagNaLaatsteDag && peildatum <= uiterlijk;
    const status: RegioJaarStatus = {
      regio,
      jaar,
      status: 'onherroepelijk',
      sinds,
      toelichting: statusTekst.toelichtingOnherroepelijk(sinds, partij, perPost ? { laatsteDag, uiterlijk } : undefined),
    };
    if (perPost) status.perPostUiterlijkOntvangen = uiterlijk;
    if (termijnen.every((t) => t.soort === 'beschermend')) {
      status.twijfel = statusTekst.twijfelAlleenBeschermend(context.wachtOpGewijzigdeTariefbeschikking, context.huidige?.soort, context.huidige?.id);
    }
    return status;
  }
  const status: RegioJaarStatus = {
    regio,
    jaar,
    status: 'nog-niet-open',
    toelichting: statusTekst.toelichtingWachten(
      context.oudRegime,
      context.inwerkingtreding,
      context.wachtOpGewijzigdeTariefbeschikking,
      context.huidige?.soort,
      context.huidige?.id,
    ),
  };
  if (context.oudRegime) status.oudRegime = true;
  return status;
}

/** The status of one (regio, jaar) and of each of its parties at the peildatum (§6). */
export function statussenVanRegioJaar(
  uitkomst: RegioJaarUitkomst,
  peildatum: IsoDatum,
  config: TermijnConfig,
): { status: RegioJaarStatus; partijStatus: PartijStatus[] } {
  const { regioJaar } = uitkomst;
  const bekend = (b: { bekendgemaakt: IsoDatum }) => b.bekendgemaakt <= peildatum;
  // The version in force at the peildatum, and what was known by then.
  const versies = regioJaar.besluiten.filter((b): b is Contracteerruimtebesluit => b.type === 'contracteerruimte' && bekend(b));
  const huidige = versies[versies.length - 1];
  const versie = versies.length;
  const eersteTariefbeschikking = regioJaar.besluiten.find((b) => b.type === 'tariefbeschikking')?.bekendgemaakt;
  const context: Peilcontext = {
    regio: regioJaar.regio,
    jaar: regioJaar.jaar,
    peildatum,
    versie,
    huidige,
    oudRegime: huidige !== undefined && isOudRegime_par8(huidige.bekendgemaakt, config),
    inwerkingtreding: config.inwerkingtreding,
    wachtOpGewijzigdeTariefbeschikking:
      huidige !== undefined && eersteTariefbeschikking !== undefined && eersteTariefbeschikking <= peildatum && huidige.bekendgemaakt > eersteTariefbeschikking,
  };
  // The beroep terms that count: against the version in force; or against an earlier one while they still ran when the
  // amendment came (§7: an amendment never silently moves a safe date later).
  const gelden = (t: Termijn) =>
    t.rechtsmiddel === 'beroep' && bekend(t) && (t.versie === versie || (huidige !== undefined && t.versie < versie && t.einde >= huidige.bekendgemaakt));
  const geldend = uitkomst.termijnen.map((r) => r.termijn).filter(gelden);
  // §8: the new-regime date of an oud-regime exclusion counts while it runs, as a date that may be the fatal one.
  const oudRegimeDatums = uitkomst.uitsluitingen
    .filter((u) => u.alsToch !== undefined && bekend(u.uitsluiting) && u.alsToch.einde >= peildatum)
    .map((u) => ({
      partij: u.uitsluiting.partij,
      termijn: { aanvang: u.alsToch!.aanvang, einde: u.alsToch!.einde, soort: 'beschermend' as const, versie, twijfel: u.uitsluiting.twijfel },
    }));
  const alsStatusTermijn = (t: Termijn): StatusTermijn => ({ aanvang: t.aanvang, einde: t.einde, soort: t.soort, versie: t.versie, twijfel: t.twijfel });

  const partijStatus: PartijStatus[] = [];
  // The parties at the peildatum: asked for, addressed by a tariefbeschikking, appellants, and those a date names.
  const namen = new Set<string>();
  for (const g of regioJaar.gevraagd) namen.add(g.partij);
  for (const b of regioJaar.besluiten) if (b.type === 'tariefbeschikking' && bekend(b)) namen.add(adressaatVan(b));
  for (const b of regioJaar.beroepen) if (b.ingesteld <= peildatum) namen.add(b.partij);
  for (const r of uitkomst.termijnen)
    if (r.termijn.rechtsmiddel === 'beroep' && r.termijn.partij !== undefined && bekend(r.termijn)) namen.add(r.termijn.partij);
  for (const naam of [...namen].sort(vergelijk)) {
    // §6: the region's windows (open to every party that was belanghebbende) and its own terms.
    const eigen = [...geldend.filter((t) => t.partij === undefined), ...geldend.filter((t) => t.partij === naam)].map(alsStatusTermijn);
    for (const d of oudRegimeDatums) if (d.partij === undefined || d.partij === naam) eigen.push(d.termijn);
    const status = statusOpPeildatum_art105lid4(
      eigen,
      regioJaar.beroepen.filter((b) => b.partij === naam),
      context,
      naam,
    );
    // §6: a lid-4 exclusion could be wrong (an amendment not registered): the party's status says so too.
    const lid4 = uitkomst.uitsluitingen.filter((u) => u.lid4Twijfel !== undefined && u.uitsluiting.partij === naam && bekend(u.uitsluiting));
    if (status.status === 'onherroepelijk' && lid4.length > 0 && !status.twijfel) status.twijfel = lid4[lid4.length - 1]!.lid4Twijfel;
    partijStatus.push({ partij: naam, ...status });
  }

  const alle = [...geldend.map(alsStatusTermijn), ...oudRegimeDatums.map((d) => d.termijn)];
  const status = statusOpPeildatum_art105lid4(alle, regioJaar.beroepen, context);
  // Art. 6:9 lid 2 Awb: while a party's posted beroep may still arrive, the region-year says so too.
  if (status.status === 'onherroepelijk' && !status.perPostUiterlijkOntvangen) {
    const perPost = partijStatus.map((p) => p.perPostUiterlijkOntvangen).filter((d): d is IsoDatum => d !== undefined);
    const laatsteDag = alle.map((t) => t.einde).sort()[alle.length - 1]!;
    if (perPost.length > 0 && peildatum <= perPostUiterlijk_art6_9Awb(laatsteDag)) {
      const uiterlijk = perPost.sort()[perPost.length - 1]!;
      status.perPostUiterlijkOntvangen = uiterlijk;
      status.toelichting += statusTekst.postNootRegio(uiterlijk);
    }
  }
  return { status, partijStatus };
}
