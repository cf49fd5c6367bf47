import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../actor/actor';
import type { Db } from '../../db/verbinding';
import { regioNamen, zorgkantoorregios } from '../../db/schema';
import { readDataRevisie, writeTransaction } from '../../db/transactie';
import {
  ALLE_ZORGKANTOORREGIOS,
  createRegioRegister,
  isGeldigInJaar,
  normalizeRegioNaam,
  REGIO_INDELING,
  type RegioRegister,
  type Zorgkantoorregio,
} from '../../domain/regios/zorgkantoorregios';
import { formatDatumKort } from '../../domain/kalender/kalenderdatum';
import { formatWaarde } from '../../validation/velden';
import { recordAudit } from '../gedeeld/auditService';
import { InvoerFout } from '../gedeeld/invoerFout';
import { assertCan } from '../toegang/permissies';

export interface RegioMetId extends Zorgkantoorregio {
  id: number;
  /** Former names, newest first, each with its last day. */
  eerdereNamen: { naam: string; geldigTot: string }[];
  beheerdSinds: string | null;
}

export interface RegioRegisterMetIds extends RegioRegister {
  readonly alle: readonly RegioMetId[];
  find(naamOfCode: string): RegioMetId | undefined;
}

const registers = new WeakMap<object, { revisie: number; register: RegioRegisterMetIds }>();

/**
 * The division as it stands in the database: the shipped one with the NZa beheerder's renames and merges. Former names
 * and the shipped aliases still find a region. Cached per data revision (names feed pages and URLs).
 */
export function loadRegioRegister(db: Pick<Db, 'select'> & { $client?: Db['$client'] }): RegioRegisterMetIds {
  // Inside a transaction (no $client) the register is read afresh: it must see the transaction's own writes.
  const revisie = db.$client ? readDataRevisie(db as Db) : undefined;
  const bekend = db.$client ? registers.get(db.$client) : undefined;
  if (bekend && bekend.revisie === revisie) return bekend.register;
  const geleverd = new Map(ALLE_ZORGKANTOORREGIOS.map((r) => [r.code, r]));
  const namen = db.select().from(regioNamen).all();
  const regios: RegioMetId[] = db
    .select()
    .from(zorgkantoorregios)
    .all()
    .map((r) => {
      const eerdereNamen = namen
        .filter((n) => n.regioId === r.id)
        .sort((a, b) => (a.geldigTot < b.geldigTot ? 1 : -1))
        .map((n) => ({ naam: n.naam, geldigTot: n.geldigTot }));
      const seed = geleverd.get(r.code);
      return {
        id: r.id,
        code: r.code,
        naam: r.naam,
        zorgkantoor: r.zorgkantoor,
        zorgkantoorBron: seed?.zorgkantoorBron ?? 'door de NZa-beheerder ingevoerd',
        zorgkantoorGeverifieerd: r.zorgkantoorGeverifieerd,
        geldigVanaf: r.geldigVanaf,
        geldigTot: r.geldigTot,
        ...(r.opgevolgdDoor ? { opgevolgdDoor: r.opgevolgdDoor } : {}),
        aliassen: [...(seed?.aliassen ?? []), ...(seed && seed.naam !== r.naam ? [seed.naam] : []), ...eerdereNamen.map((n) => n.naam)],
        eerdereNamen,
        beheerdSinds: r.beheerdSinds,
      };
    })
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  const register = createRegioRegister(regios) as RegioRegisterMetIds;
  if (db.$client && revisie !== undefined) registers.set(db.$client, { revisie, register });
  return register;
}

/**
 * The region a new decision for `jaar` is registered in, by code or any name: refused when unknown, or when the
 * region did not exist that year (merged into another, or not yet formed) — with the region to use instead.
 */
export function checkRegio(db: Pick<Db, 'select'>, naamOfCode: string, jaar: number): { regio: RegioMetId } | { melding: string } {
  const register = loadRegioRegister(db);
  const regio = register.find(naamOfCode);
  if (!regio) return { melding: `${formatWaarde(naamOfCode.trim())} is geen zorgkantoorregio` };
  if (isGeldigInJaar(regio, jaar)) return { regio };
  if (regio.geldigTot !== null && regio.geldigTot < `${jaar}-01-01`) {
    const opvolger = regio.opgevolgdDoor ? register.find(regio.opgevolgdDoor) : undefined;
    return {
      melding:
        `${regio.naam} bestaat in ${jaar} niet meer (laatste dag ${formatDatumKort(regio.geldigTot)})` +
        (opvolger ? `: kies ${opvolger.naam} (${opvolger.code})` : ''),
    };
  }
  return { melding: `${regio.naam} bestaat pas vanaf ${formatDatumKort(regio.geldigVanaf!)}` };
}

/** For an imported row (raw text): the region must exist, and exist in the row's year when that is a year. */
export function checkRegioInRij(db: Pick<Db, 'select'>, waarden: Record<string, string>): { veld: string; melding: string }[] {
  const naam = (waarden.regio ?? '').trim();
  if (!naam) return [];
  const jaar = /^\d{4}$/.test((waarden.jaar ?? '').trim()) ? Number(waarden.jaar) : undefined;
  if (jaar === undefined) return loadRegioRegister(db).find(naam) ? [] : [{ veld: 'regio', melding: `${formatWaarde(naam)} is geen zorgkantoorregio` }];
  const uitkomst = checkRegio(db, naam, jaar);
  return 'melding' in uitkomst ? [{ veld: 'regio', melding: uitkomst.melding }] : [];
}

/** As `checkRegio`, throwing the field error (inside a write, to roll it back). */
export function resolveRegio(db: Pick<Db, 'select'>, naamOfCode: string, jaar: number, veld: string): RegioMetId {
  const uitkomst = checkRegio(db, naamOfCode, jaar);
  if ('melding' in uitkomst) throw new InvoerFout([{ veld, melding: uitkomst.melding }]);
  return uitkomst.regio;
}

export interface RegioHernoemen {
  code: string;
  naam: string;
  /** The first year under the new name; decisions keep their region, the old name stays known. */
  vanafJaar: number;
}

/** An NZa beheerder renames a region from a year on (termijnregels §11). */
export function renameRegio(db: Db, actor: Actor, invoer: RegioHernoemen, vandaag: string): void {
  assertCan(actor, 'regio.beheren');
  writeTransaction(db, (tx) => {
    const register = loadRegioRegister(tx);
    const regio = register.find(invoer.code);
    if (!regio || regio.code !== invoer.code) throw new InvoerFout([{ veld: 'code', melding: `${invoer.code} is geen regiocode` }]);
    const naam = invoer.naam.trim();
    if (naam.length < 2 || naam.length > 100) throw new InvoerFout([{ veld: 'naam', melding: 'geef een naam van 2 tot 100 tekens' }]);
    if (normalizeRegioNaam(naam) === normalizeRegioNaam(regio.naam)) throw new InvoerFout([{ veld: 'naam', melding: `${regio.code} heet al ${regio.naam}` }]);
    const ander = register.find(naam);
    if (ander && ander.code !== regio.code) throw new InvoerFout([{ veld: 'naam', melding: `${naam} is (of was) de naam van ${ander.code} ${ander.naam}` }]);
    const geldigTot = `${invoer.vanafJaar - 1}-12-31`;
    tx.insert(regioNamen).values({ regioId: regio.id, naam: regio.naam, geldigTot }).run();
    tx.update(zorgkantoorregios).set({ naam, beheerdSinds: vandaag }).where(eq(zorgkantoorregios.id, regio.id)).run();
    recordAudit(tx, actor, {
      actie: 'regio hernoemd',
      onderwerp: 'zorgkantoorregio',
      onderwerpId: regio.id,
      wijzigingen: { naam: [regio.naam, naam] },
      kenmerken: { code: regio.code, vanafJaar: invoer.vanafJaar },
    });
  });
}

export interface RegioSamenvoegen {
  /** Codes of the regions that end. */
  bronnen: string[];
  /** The region that takes them over: an existing code, or a new region. */
  doel: { code: string; naam?: string; zorgkantoor?: string };
  vanafJaar: number;
}

/**
 * An NZa beheerder merges regions into one from a year on: the merged regions end on 31 December before it and name
 * their successor; their decisions keep them. A new successor region is valid from 1 January of that year.
 */
export function mergeRegios(db: Db, actor: Actor, invoer: RegioSamenvoegen, vandaag: string): void {
  assertCan(actor, 'regio.beheren');
  writeTransaction(db, (tx) => {
    const register = loadRegioRegister(tx);
    const fouten: { veld: string; melding: string }[] = [];
    const bronnen = [...new Set(invoer.bronnen)].map((code) => register.find(code));
    if (bronnen.length === 0) fouten.push({ veld: 'bronnen', melding: 'kies ten minste één regio die opgaat in een andere' });
    const laatsteDag = `${invoer.vanafJaar - 1}-12-31`;
    for (const [i, bron] of bronnen.entries()) {
      if (!bron) fouten.push({ veld: 'bronnen', melding: `${invoer.bronnen[i]} is geen regiocode` });
      else if (bron.geldigTot !== null && bron.geldigTot <= laatsteDag)
        fouten.push({ veld: 'bronnen', melding: `${bron.code} ${bron.naam} bestaat al niet meer sinds ${bron.geldigTot}` });
    }
    const code = invoer.doel.code.trim().toUpperCase();
    let doel = register.find(code);
    if (doel && doel.code !== code) doel = undefined;
    if (doel && bronnen.some((b) => b?.code === doel!.code)) fouten.push({ veld: 'doel', melding: 'een regio kan niet in zichzelf opgaan' });
    if (!doel) {
      const naam = invoer.doel.naam?.trim() ?? '';
      if (!/^ZK\d{2,3}$/.test(code)) fouten.push({ veld: 'doel', melding: 'een nieuwe regio krijgt een CBS-code als ZK34' });
      if (naam.length < 2 || naam.length > 100) fouten.push({ veld: 'naam', melding: 'geef de nieuwe regio een naam van 2 tot 100 tekens' });
      else if (register.find(naam)) fouten.push({ veld: 'naam', melding: `${naam} is (of was) al de naam van een regio` });
      if (!invoer.doel.zorgkantoor?.trim()) fouten.push({ veld: 'zorgkantoor', melding: 'welke Wlz-uitvoerder is zorgkantoor voor de nieuwe regio?' });
    }
    if (fouten.length > 0) throw new InvoerFout(fouten);
    let doelId = doel?.id;
    if (!doel) {
      doelId = tx
        .insert(zorgkantoorregios)
        .values({
          code,
          naam: invoer.doel.naam!.trim(),
          zorgkantoor: invoer.doel.zorgkantoor!.trim(),
          zorgkantoorGeverifieerd: false,
          geldigVanaf: `${invoer.vanafJaar}-01-01`,
          beheerdSinds: vandaag,
        })
        .returning({ id: zorgkantoorregios.id })
        .get().id;
    }
    const ids = bronnen.map((b) => b!.id);
    tx.update(zorgkantoorregios).set({ geldigTot: laatsteDag, opgevolgdDoor: code, beheerdSinds: vandaag }).where(inArray(zorgkantoorregios.id, ids)).run();
    recordAudit(tx, actor, {
      actie: 'regio’s samengevoegd',
      onderwerp: 'zorgkantoorregio',
      onderwerpId: doelId ?? null,
      // Each source region ends (its last day) and is followed by the target from the year on.
      wijzigingen: Object.fromEntries(
        bronnen.map((b) => [
          `${b!.code} ${b!.naam}`,
          [`geldig, ${b!.opgevolgdDoor ?? 'geen opvolger'}`, `geldig tot ${laatsteDag}, opgevolgd door ${code}`] as const,
        ]),
      ),
      kenmerken: { doel: doel ? `${doel.code} ${doel.naam}` : `${code} ${invoer.doel.naam} (nieuw)`, vanafJaar: invoer.vanafJaar },
    });
  });
}

/** The list an NZa beheerder manages, and everyone may read: current regions first, ended ones after. */
export function listRegios(db: Db): { huidig: RegioMetId[]; beeindigd: RegioMetId[]; indeling: typeof REGIO_INDELING } {
  const alle = loadRegioRegister(db).alle;
  return {
    huidig: alle.filter((r) => r.geldigTot === null),
    beeindigd: alle.filter((r) => r.geldigTot !== null),
    indeling: REGIO_INDELING,
  };
}
