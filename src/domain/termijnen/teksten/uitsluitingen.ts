import { addDagen, formatDatumKort, formatDatumLang, type IsoDatum } from '../../kalender/kalenderdatum';
import { TARIEFBESCHIKKING_SOORT_LABEL, type Besluit, type Tariefbeschikking } from '../../besluiten/besluit';
import type { BerekendeTermijn } from '../awbTermijn';
import type { CelInvoer } from '../machinerie/celInvoer';
import type { Lid4Uitsluiting } from '../machinerie/lid4Kolommen';
import type { Rekencontext } from '../machinerie/rekencontext';
import { UitsluitingSoort } from '../machinerie/uitsluitingSoort';
import type { Uitsluiting } from '../termijn';
import { GRONDSLAG_GEEN_BEZWAAR, GRONDSLAG_LID_4, GRONDSLAG_OUD_REGIME, GRONDSLAG_SLUITTARIEF } from './grondslagen';
import { regiojaar } from './twijfels';

// TEXTS: an exclusion's record with its toelichting and doubt, in Dutch (termijnregels §4, §6, §8, §10).

/** An exclusion's record with its texts. */
export function describeUitsluiting(
  soort: UitsluitingSoort,
  besluit: Besluit,
  partij: string | undefined,
  lid4: Lid4Uitsluiting | undefined,
  invoer: CelInvoer,
  context: Rekencontext,
  alsToch?: BerekendeTermijn,
): Uitsluiting {
  const { regio, jaar } = invoer;
  switch (soort) {
    case UitsluitingSoort.Onherroepelijk:
      return createUitsluiting(besluit, 'beroep', regio, jaar, 'onherroepelijk', GRONDSLAG_LID_4, {
        partij: lid4!.partij,
        toelichting: () =>
          `De regionale contracteerruimte ${regiojaar(regio, jaar)} is voor ${lid4!.partij} sinds ${formatDatumKort(lid4!.sinds)} onherroepelijk ` +
          `en is daarna niet door de NZa gewijzigd: tariefbeschikking ${besluit.id} opent geen nieuw beroep daartegen ` +
          `(art. 105 lid 4 Wmg). Bezwaar tegen de tariefbeschikking zelf staat wel open.`,
        twijfel: () => lid4!.twijfel,
        eindeAlsToch: lid4!.eindeAlsToch,
      });
    case UitsluitingSoort.OudRegime:
      return describeOudRegime(besluit, regio, jaar, context.config.inwerkingtreding!, partij, alsToch);
    case UitsluitingSoort.GeenBezwaar:
      return createUitsluiting(besluit, 'bezwaar', regio, jaar, 'geen-bezwaar-tegen-contracteerruimte', GRONDSLAG_GEEN_BEZWAAR, {
        toelichting: () =>
          `Tegen contracteerruimtebesluit ${besluit.id} staat geen bezwaar open: alleen rechtstreeks beroep bij het CBb ` +
          `(art. 7:1 Awb met Bijlage 1 Awb), via de tariefbeschikking (art. 105 lid 2 Wmg) of voor toekomstige jaren vanaf 1 maart (art. 105 lid 3 Wmg).`,
      });
    case UitsluitingSoort.ZonderProductieafspraken: {
      const tb = besluit as Tariefbeschikking;
      return describeZonderProductieafspraken(tb, regio, jaar, partij!, context.computeZesWeken(tb.bekendgemaakt));
    }
  }
}

/** An exclusion: a term a user might expect that does not open, with its reason (and its doubt, if any). */
export function createUitsluiting(
  besluit: Besluit,
  rechtsmiddel: Uitsluiting['rechtsmiddel'],
  regio: string,
  jaar: number,
  reden: Uitsluiting['reden'],
  grondslag: readonly string[],
  velden: { toelichting: () => string; partij?: string; twijfel?: () => string; eindeAlsToch?: IsoDatum },
): Uitsluiting {
  // The texts are written when first read: an overview counts tens of thousands of exclusions and shows twenty.
  let toelichting: string | undefined;
  let twijfel: string | undefined;
  return {
    besluit: besluit.id,
    rechtsmiddel,
    tegen: 'contracteerruimte',
    regio,
    jaar,
    partij: velden.partij,
    reden,
    grondslag: grondslag as string[],
    get toelichting() {
      return (toelichting ??= velden.toelichting());
    },
    get twijfel() {
      return velden.twijfel ? (twijfel ??= velden.twijfel()) : undefined;
    },
    eindeAlsToch: velden.twijfel ? velden.eindeAlsToch : undefined,
    besluitType: besluit.type,
    bekendgemaakt: besluit.bekendgemaakt,
  };
}

function describeOudRegime(
  besluit: Besluit,
  regio: string,
  jaar: number,
  inwerkingtreding: IsoDatum,
  partij: string | undefined,
  alsToch: BerekendeTermijn | undefined,
): Uitsluiting {
  const wat = besluit.type === 'contracteerruimte' ? `Contracteerruimtebesluit ${besluit.id}` : `Tariefbeschikking ${besluit.id}`;
  const welkeTermijn =
    alsToch && alsToch.aanvang > addDagen(besluit.bekendgemaakt, 1)
      ? 'het venster vanaf 1 maart (art. 105 lid 3 Wmg)'
      : 'de termijn van zes weken na de bekendmaking';
  return createUitsluiting(besluit, 'beroep', regio, jaar, 'oud-regime', GRONDSLAG_OUD_REGIME, {
    ...(partij ? { partij } : {}),
    ...(alsToch
      ? {
          // Termijnregels §8: never a bare exclusion where the term of the new regime runs past the entry into force.
          twijfel: () =>
            `${wat} is bekendgemaakt vóór de inwerkingtreding (${formatDatumKort(inwerkingtreding)}), maar ${welkeTermijn} ` +
            `${alsToch.aanvang >= inwerkingtreding ? 'valt geheel' : 'loopt door tot'} na die datum. Of art. 105 leden 2–4 Wmg dan toch ` +
            `beroep tegen de contracteerruimte openen, regelt de wet niet met zoveel woorden. Stel uit voorzorg beroep in uiterlijk op ` +
            `${formatDatumLang(alsToch.einde)}: een onnodig beroep kost alleen griffierecht.`,
          eindeAlsToch: alsToch.einde,
        }
      : {}),
    toelichting: () =>
      `${wat} is bekendgemaakt op ${formatDatumKort(besluit.bekendgemaakt)}, vóór de ingestelde datum van inwerkingtreding van ` +
      `art. 105 leden 2–4 Wmg (${formatDatumKort(inwerkingtreding)}): tegen de regionale contracteerruimte ${regiojaar(regio, jaar)} stond toen geen rechtstreeks beroep open; ` +
      `zij kon alleen exceptief worden getoetst in bezwaar en beroep tegen de tariefbeschikking.`,
  });
}

function describeZonderProductieafspraken(besluit: Tariefbeschikking, regio: string, jaar: number, partij: string, t: BerekendeTermijn): Uitsluiting {
  if (besluit.soort === 'sluittarief') {
    // Art. 105 lid 2 Wmg, last sentence: the law itself names the sluittarief, so no doubt.
    return createUitsluiting(besluit, 'beroep', regio, jaar, 'sluittarief-nacalculatie', GRONDSLAG_SLUITTARIEF, {
      partij,
      toelichting: () =>
        `Tariefbeschikking ${besluit.id} stelt een Wlz-sluittarief vast in het kader van de nacalculatie ${jaar}: die opent geen ` +
        `beroep tegen de regionale contracteerruimte ${regiojaar(regio, jaar)} (art. 105 lid 2, laatste zin, Wmg), omdat de ` +
        `definitieve afrekening zo'n beroep zinloos maakt. Bezwaar tegen de beschikking zelf staat wel open (art. 6:7 Awb).`,
    });
  }
  return createUitsluiting(besluit, 'beroep', regio, jaar, 'geen-productieafspraken', GRONDSLAG_SLUITTARIEF, {
    partij,
    toelichting: () =>
      `Tariefbeschikking ${besluit.id} (${TARIEFBESCHIKKING_SOORT_LABEL[besluit.soort]}) is geen tariefbeschikking met goedgekeurde ` +
      `productieafspraken: zij opent alleen bezwaar tegen zichzelf, geen beroep tegen de regionale contracteerruimte ` +
      `${regiojaar(regio, jaar)} (art. 105 lid 2 Wmg).`,
    twijfel: () =>
      'Art. 105 lid 2 Wmg sluit met zoveel woorden alleen het Wlz-sluittarief uit. Dat andere nacalculatie- en ' +
      'vereffeningsbeschikkingen geen beroep tegen de contracteerruimte openen, volgt uit de eis van goedgekeurde ' +
      `productieafspraken, maar is niet door de rechter bevestigd. Wie zeker wil zijn, stelt beroep in uiterlijk op ${formatDatumLang(t.einde)}.`,
    eindeAlsToch: t.einde,
  });
}
