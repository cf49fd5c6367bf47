import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, unique, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { CONTRACTEERRUIMTE_SOORTEN, TARIEFBESCHIKKING_SOORTEN } from '../domain/besluiten/besluit';
import { FILING_SOORTEN } from '../domain/filings/filingSoorten';

// Constraints live in the database too: a bug in a handler must not be able to store an impossible decision.

const inLijst = (waarden: readonly string[]) => sql.raw(`(${waarden.map((w) => `'${w}'`).join(', ')})`);
/** SQLite's date() returns NULL for anything but a valid date, so this rejects "2026-02-30" and free text. */
const isIsoDatum = (kolom: string) => sql.raw(`(date(${kolom}) IS ${kolom})`);
const isJaar = (kolom: string) => sql.raw(`(${kolom} BETWEEN 1900 AND 2200)`);
const aangemaakt = () =>
  text('aangemaakt_op')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))`);

export const ORGANISATIE_SOORTEN = ['zorgaanbieder', 'advocatenkantoor', 'zorgkantoor', 'nza'] as const;
/** The role of a user within their organisation (issue 11): beheerder (members, settings), jurist (write), lezer (read only). */
export const GEBRUIKER_ROLLEN = ['beheerder', 'jurist', 'lezer'] as const;
/** The roles of migration 0000, still in the legacy column `rol` (SQLite cannot drop a column its table CHECK names). */
export const OUDE_GEBRUIKER_ROLLEN = ['jurist', 'nza-jurist', 'beheerder'] as const;
/**
 * The areas an API token may act in (issue 32.5): read (terms, decisions, cases), register decisions and clients, open
 * and change cases, manage webhooks. A token holds one or more; the user's role still bounds what each allows.
 */
export const TOKEN_SCOPES = ['lezen', 'besluiten.schrijven', 'zaken.schrijven', 'webhooks.beheren'] as const;
export const ZAAK_SOORTEN = ['beroep', 'bezwaar'] as const;
export const ZAAK_STATUSSEN = ['concept', 'ingediend', 'afgerond'] as const;

export const organisaties = sqliteTable(
  'organisaties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    naam: text('naam').notNull().unique(),
    soort: text('soort', { enum: ORGANISATIE_SOORTEN }).notNull(),
    adres: text('adres'),
    postcode: text('postcode'),
    plaats: text('plaats'),
    kvkNummer: text('kvk_nummer'),
    email: text('email'),
    telefoon: text('telefoon'),
    /** Letterhead logo, PNG. */
    logoPng: blob('logo_png', { mode: 'buffer' }),
    /** Who is reminded of an open term of the organisation's clients that has no case (issue 14): a member. */
    standaardVerantwoordelijkeId: integer('standaard_verantwoordelijke_id').references((): AnySQLiteColumn => gebruikers.id),
    /** Who (with the beheerders) gets the escalation when a reminder is not marked seen two working days before the end. */
    reserveVerantwoordelijkeId: integer('reserve_verantwoordelijke_id').references((): AnySQLiteColumn => gebruikers.id),
    aangemaaktOp: aangemaakt(),
  },
  () => [check('organisaties_soort', sql`soort IN ${inLijst(ORGANISATIE_SOORTEN)}`)],
);

export const gebruikers = sqliteTable(
  'gebruikers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    naam: text('naam').notNull(),
    email: text('email').notNull().unique(),
    /** Legacy (migration 0000): no longer read; written only to satisfy its NOT NULL and CHECK. */
    rolOud: text('rol', { enum: OUDE_GEBRUIKER_ROLLEN })
      .notNull()
      .$defaultFn(() => 'jurist'),
    /** The role within the organisation (migration 0004). */
    rol: text('organisatie_rol', { enum: GEBRUIKER_ROLLEN }).notNull().default('jurist'),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisaties.id),
    /** Working days before the last day on which to remind, e.g. "14,7,3,1,0"; null = the default. */
    herinneringsschema: text('herinneringsschema'),
    weekoverzicht: integer('weekoverzicht', { mode: 'boolean' }).notNull().default(false),
    /**
     * No longer written (issue 28.6): the feed token was stored as typed. The connection set-up moves what is left of
     * it to `agendaTokenHash` and empties it. Kept: SQLite cannot drop a UNIQUE column.
     */
    agendaToken: text('agenda_token').unique(),
    /** SHA-256 of the personal calendar feed URL's token (src/db/geheimOpslag.ts); regenerating it revokes the old URL. */
    agendaTokenHash: text('agenda_token_hash').unique(),
    aangemaaktOp: aangemaakt(),
  },
  () => [check('gebruikers_rol', sql`rol IN ${inLijst(OUDE_GEBRUIKER_ROLLEN)}`)],
);

export const zorgkantoorregios = sqliteTable('zorgkantoorregios', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  naam: text('naam').notNull().unique(),
  /** The Wlz-uitvoerder designated as zorgkantoor. */
  zorgkantoor: text('zorgkantoor').notNull(),
  /** Whether the uitvoerder was checked against a source (seed/zorgkantoorregios.json says which). */
  zorgkantoorGeverifieerd: integer('zorgkantoor_geverifieerd', { mode: 'boolean' }).notNull().default(false),
  /** Validity of the region in the CBS division (termijnregels §11); decisions keep the region they were made for. */
  geldigVanaf: text('geldig_vanaf'),
  geldigTot: text('geldig_tot'),
  opgevolgdDoor: text('opgevolgd_door'),
  /** When an NZa beheerder last renamed or merged it: from then on the shipped division no longer overwrites the row. */
  beheerdSinds: text('beheerd_sinds'),
});

/**
 * A client record: one organisation's (issue 28). Every organisation keeps its own record of each zorgaanbieder it acts
 * for (the in-house legal department, the law firm) or, for the NZa, addresses tariefbeschikkingen to: name, KvK number,
 * address. Having the record is acting for the client; nobody else reads or changes it.
 */
export const zorgaanbieders = sqliteTable(
  'zorgaanbieders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    naam: text('naam').notNull(),
    kvkNummer: text('kvk_nummer').notNull(),
    adres: text('adres'),
    postcode: text('postcode'),
    plaats: text('plaats'),
    aangemaaktOp: aangemaakt(),
    /** The owner. Null is refused by a trigger (migration 0014; SQLite adds no NOT NULL column with a reference). */
    organisatieId: integer('organisatie_id').references(() => organisaties.id),
  },
  (t) => [
    check('zorgaanbieders_kvk', sql`length(kvk_nummer) = 8 AND kvk_nummer NOT GLOB '*[^0-9]*'`),
    unique('zorgaanbieders_organisatie_kvk').on(t.organisatieId, t.kvkNummer),
  ],
);

/** A besluit of the NZa fixing or amending regionale contracteerruimten (art. 49e Wmg); amounts per region and year below. */
export const contracteerruimtebesluiten = sqliteTable(
  'contracteerruimtebesluiten',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uitgever: text('uitgever').notNull().default('NZa'),
    kenmerk: text('kenmerk').notNull(),
    soort: text('soort', { enum: CONTRACTEERRUIMTE_SOORTEN }).notNull(),
    besluitdatum: text('besluitdatum').notNull(),
    bekendgemaakt: text('bekendgemaakt').notNull(),
    aangemaaktOp: aangemaakt(),
    /** The organisation that registered it; null: loaded by the operator (seed, before issue 11), counts as the NZa's. */
    geregistreerdDoor: integer('geregistreerd_door').references(() => organisaties.id),
  },
  (t) => [
    unique('contracteerruimtebesluiten_kenmerk').on(t.uitgever, t.kenmerk),
    check('contracteerruimtebesluiten_soort', sql`soort IN ${inLijst(CONTRACTEERRUIMTE_SOORTEN)}`),
    check('contracteerruimtebesluiten_besluitdatum', isIsoDatum('besluitdatum')),
    check('contracteerruimtebesluiten_bekendgemaakt', isIsoDatum('bekendgemaakt')),
    check('contracteerruimtebesluiten_volgorde', sql`bekendgemaakt >= besluitdatum`),
  ],
);

export const contracteerruimtebedragen = sqliteTable(
  'contracteerruimtebedragen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    besluitId: integer('besluit_id')
      .notNull()
      .references(() => contracteerruimtebesluiten.id, { onDelete: 'cascade' }),
    regioId: integer('regio_id')
      .notNull()
      .references(() => zorgkantoorregios.id),
    jaar: integer('jaar').notNull(),
    /** Euro cents, as an integer: never floating point for money. */
    bedragCenten: integer('bedrag_centen').notNull(),
  },
  (t) => [
    unique('contracteerruimtebedragen_uniek').on(t.besluitId, t.regioId, t.jaar),
    index('contracteerruimtebedragen_regio_jaar').on(t.regioId, t.jaar),
    check('contracteerruimtebedragen_jaar', isJaar('jaar')),
    check('contracteerruimtebedragen_bedrag', sql`bedrag_centen >= 0`),
  ],
);

export const tariefbeschikkingen = sqliteTable(
  'tariefbeschikkingen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uitgever: text('uitgever').notNull().default('NZa'),
    kenmerk: text('kenmerk').notNull(),
    zorgaanbiederId: integer('zorgaanbieder_id')
      .notNull()
      .references(() => zorgaanbieders.id),
    regioId: integer('regio_id')
      .notNull()
      .references(() => zorgkantoorregios.id),
    jaar: integer('jaar').notNull(),
    soort: text('soort', { enum: TARIEFBESCHIKKING_SOORTEN }).notNull(),
    besluitdatum: text('besluitdatum').notNull(),
    bekendgemaakt: text('bekendgemaakt').notNull(),
    aangemaaktOp: aangemaakt(),
    /** The organisation that registered it; null: loaded by the operator (seed, before issue 11), counts as the NZa's. */
    geregistreerdDoor: integer('geregistreerd_door').references(() => organisaties.id),
    /**
     * The owner (issue 28): the organisation whose engine input it is, with its own client record. Null is refused by a
     * trigger (migration 0014).
     */
    organisatieId: integer('organisatie_id').references(() => organisaties.id),
  },
  (t) => [
    unique('tariefbeschikkingen_kenmerk').on(t.organisatieId, t.uitgever, t.kenmerk),
    index('tariefbeschikkingen_organisatie_regio_jaar').on(t.organisatieId, t.regioId, t.jaar),
    index('tariefbeschikkingen_regio_jaar').on(t.regioId, t.jaar),
    index('tariefbeschikkingen_zorgaanbieder').on(t.zorgaanbiederId),
    check('tariefbeschikkingen_soort', sql`soort IN ${inLijst(TARIEFBESCHIKKING_SOORTEN)}`),
    check('tariefbeschikkingen_jaar', isJaar('jaar')),
    check('tariefbeschikkingen_besluitdatum', isIsoDatum('besluitdatum')),
    check('tariefbeschikkingen_bekendgemaakt', isIsoDatum('bekendgemaakt')),
    check('tariefbeschikkingen_volgorde', sql`bekendgemaakt >= besluitdatum`),
  ],
);

/** A case file: one beroep (CBb, against a contracteerruimte) or bezwaar (NZa, against a tariefbeschikking). */
export const zaken = sqliteTable(
  'zaken',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    soort: text('soort', { enum: ZAAK_SOORTEN }).notNull(),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisaties.id),
    zorgaanbiederId: integer('zorgaanbieder_id').references(() => zorgaanbieders.id),
    tariefbeschikkingId: integer('tariefbeschikking_id').references(() => tariefbeschikkingen.id),
    contracteerruimtebesluitId: integer('contracteerruimtebesluit_id').references(() => contracteerruimtebesluiten.id),
    regioId: integer('regio_id').references(() => zorgkantoorregios.id),
    jaar: integer('jaar'),
    status: text('status', { enum: ZAAK_STATUSSEN }).notNull().default('concept'),
    ingesteld: text('ingesteld'),
    afgerond: text('afgerond'),
    cbbZaaknummer: text('cbb_zaaknummer'),
    /** Date the griffier sent the notice to pay griffierecht (art. 8:41 lid 4 Awb). */
    griffierechtMededeling: text('griffierecht_mededeling'),
    uitspraak: text('uitspraak'),
    verantwoordelijkeId: integer('verantwoordelijke_id').references(() => gebruikers.id),
    notities: text('notities').notNull().default(''),
    /** The grounds of the filing (art. 6:5 lid 1 onder d Awb); empty means pro-forma. */
    gronden: text('gronden').notNull().default(''),
    /** Why an immediate provision is urgent (art. 8:81 Awb), for a verzoek om voorlopige voorziening. */
    spoedeisendBelang: text('spoedeisend_belang').notNull().default(''),
    /** Overrides the responsible user's reminder schedule for this case. */
    herinneringsschema: text('herinneringsschema'),
    aangemaaktOp: aangemaakt(),
  },
  (t) => [
    index('zaken_regio_jaar').on(t.regioId, t.jaar),
    index('zaken_organisatie').on(t.organisatieId),
    check('zaken_soort', sql`soort IN ${inLijst(ZAAK_SOORTEN)}`),
    check('zaken_status', sql`status IN ${inLijst(ZAAK_STATUSSEN)}`),
    // Art. 7:1 Awb with Bijlage 1: no bezwaar against a contracteerruimtebesluit; bezwaar is against a tariefbeschikking.
    check('zaken_bezwaar_tegen_tariefbeschikking', sql`soort <> 'bezwaar' OR (tariefbeschikking_id IS NOT NULL AND contracteerruimtebesluit_id IS NULL)`),
    // Beroep is against the contracteerruimte of one region and year.
    check('zaken_beroep_regio_jaar', sql`soort <> 'beroep' OR (regio_id IS NOT NULL AND jaar IS NOT NULL)`),
    check('zaken_beroep_grondslag', sql`soort <> 'beroep' OR tariefbeschikking_id IS NOT NULL OR contracteerruimtebesluit_id IS NOT NULL`),
    check('zaken_cbb_alleen_beroep', sql`cbb_zaaknummer IS NULL OR soort = 'beroep'`),
    check('zaken_jaar', sql`jaar IS NULL OR jaar BETWEEN 1900 AND 2200`),
    check('zaken_ingesteld', sql`ingesteld IS NULL OR date(ingesteld) IS ingesteld`),
    check('zaken_griffierecht', sql`griffierecht_mededeling IS NULL OR (date(griffierecht_mededeling) IS griffierecht_mededeling AND soort = 'beroep')`),
    check('zaken_afgerond', sql`afgerond IS NULL OR (date(afgerond) IS afgerond AND ingesteld IS NOT NULL AND afgerond >= ingesteld)`),
    check(
      'zaken_status_datums',
      sql`(status = 'concept' AND ingesteld IS NULL) OR (status = 'ingediend' AND ingesteld IS NOT NULL AND afgerond IS NULL) OR (status = 'afgerond' AND afgerond IS NOT NULL)`,
    ),
  ],
);

/**
 * A beroep the NZa registers as received (issue 28), from the CBb's notice: the only source of the NZa's pending
 * beroepen. The NZa is the opposing party: it never reads a firm's case to learn of one.
 */
export const ontvangenBeroepen = sqliteTable(
  'ontvangen_beroepen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisaties.id),
    cbbZaaknummer: text('cbb_zaaknummer').notNull(),
    /** The appellant as the notice names it. */
    appellant: text('appellant').notNull(),
    regioId: integer('regio_id')
      .notNull()
      .references(() => zorgkantoorregios.id),
    jaar: integer('jaar').notNull(),
    /** What the beroep is against: the contracteerruimtebesluit, or the owner's tariefbeschikking it runs through. */
    contracteerruimtebesluitId: integer('contracteerruimtebesluit_id').references(() => contracteerruimtebesluiten.id),
    tariefbeschikkingId: integer('tariefbeschikking_id').references(() => tariefbeschikkingen.id),
    /** The day the beroepschrift was received (art. 6:9 Awb), as the notice states it. */
    ingesteld: text('ingesteld').notNull(),
    afgerond: text('afgerond'),
    aangemaaktOp: aangemaakt(),
  },
  (t) => [
    unique('ontvangen_beroepen_zaaknummer').on(t.organisatieId, t.cbbZaaknummer),
    index('ontvangen_beroepen_regio_jaar').on(t.regioId, t.jaar),
    check('ontvangen_beroepen_jaar', isJaar('jaar')),
    check('ontvangen_beroepen_ingesteld', isIsoDatum('ingesteld')),
    check('ontvangen_beroepen_afgerond', sql`afgerond IS NULL OR (date(afgerond) IS afgerond AND afgerond >= ingesteld)`),
    check('ontvangen_beroepen_tegen', sql`(contracteerruimtebesluit_id IS NULL) <> (tariefbeschikking_id IS NULL)`),
  ],
);

/** The timeline of a case: what happened, when, by whom. */
export const zaakgebeurtenissen = sqliteTable(
  'zaakgebeurtenissen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    zaakId: integer('zaak_id')
      .notNull()
      .references(() => zaken.id, { onDelete: 'cascade' }),
    datum: text('datum').notNull(),
    omschrijving: text('omschrijving').notNull(),
    gebruikerId: integer('gebruiker_id').references(() => gebruikers.id),
    aangemaaktOp: aangemaakt(),
  },
  (t) => [index('zaakgebeurtenissen_zaak').on(t.zaakId), check('zaakgebeurtenissen_datum', isIsoDatum('datum'))],
);

/** Every generated filing, kept byte for byte with who made it, when, from which template version and data. */
export const zaakdocumenten = sqliteTable(
  'zaakdocumenten',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    zaakId: integer('zaak_id')
      .notNull()
      .references(() => zaken.id, { onDelete: 'cascade' }),
    soort: text('soort', { enum: FILING_SOORTEN }).notNull(),
    versie: integer('versie').notNull(),
    sjabloonVersie: text('sjabloon_versie').notNull(),
    gemaaktDoor: integer('gemaakt_door')
      .notNull()
      .references(() => gebruikers.id),
    gegevensJson: text('gegevens_json').notNull(),
    bestandsnaam: text('bestandsnaam').notNull(),
    docx: blob('docx', { mode: 'buffer' }).notNull(),
    aangemaaktOp: aangemaakt(),
  },
  (t) => [
    unique('zaakdocumenten_versie').on(t.zaakId, t.soort, t.versie),
    check('zaakdocumenten_soort', sql`soort IN ${inLijst(FILING_SOORTEN)}`),
    check('zaakdocumenten_versie_positief', sql`versie >= 1`),
  ],
);

/**
 * What the filing wizard asks beyond the case (issue 13), one row per case: who signs, as what, the facts of a late
 * filing (art. 6:11 Awb), the 7:1a request, the urgency weighing, the bijlagen and the lawyer's edited paragraphs.
 */
export const zaakStukgegevens = sqliteTable('zaak_stukgegevens', {
  zaakId: integer('zaak_id')
    .primaryKey()
    .references(() => zaken.id, { onDelete: 'cascade' }),
  /** A lawyer (jurist or beheerder) of the case's organisation. */
  ondertekenaarId: integer('ondertekenaar_id').references(() => gebruikers.id),
  /** 'advocaat': no volmacht at the CBb (art. 8:24 lid 3 Awb); 'anders': a volmacht as bijlage. */
  vertegenwoordiging: text('vertegenwoordiging', { enum: ['advocaat', 'anders'] }),
  /** Art. 2:1 lid 2 Awb: the NZa may ask any gemachtigde for a volmacht in bezwaar; the lawyer may add one. */
  volmachtInBezwaar: integer('volmacht_in_bezwaar', { mode: 'boolean' }).notNull().default(false),
  /** Art. 6:11 Awb: why the filing is late, in the user's words; without it no late filing is drafted. */
  verschoonbaarheid: text('verschoonbaarheid').notNull().default(''),
  /** Art. 7:1a Awb: the request to skip bezwaar and go straight to the CBb. */
  rechtstreeksBeroep: integer('rechtstreeks_beroep', { mode: 'boolean' }).notNull().default(false),
  /** The aanvullende gronden: their own text, apart from the gronden of the beroepschrift. */
  aanvullendeGronden: text('aanvullende_gronden').notNull().default(''),
  /** Art. 8:81 Awb: the weighing of interests in a verzoek om voorlopige voorziening. */
  belangenafweging: text('belangenafweging').notNull().default(''),
  /** Vovo: the beroep is filed at the same time (the timeline does not know it yet). */
  gelijktijdigBeroep: integer('gelijktijdig_beroep', { mode: 'boolean' }).notNull().default(false),
  /** Vovo: ask the voorzieningenrechter to decide the main case at once (art. 8:86 lid 1 Awb). */
  kortsluiting: integer('kortsluiting', { mode: 'boolean' }).notNull().default(false),
  /** JSON list of extra bijlagen (after the automatic ones), each a description. */
  bijlagenJson: text('bijlagen_json').notNull().default('[]'),
  /** JSON: per filing soort, per paragraph key, the generated text the lawyer edited and the edit. */
  bewerkingenJson: text('bewerkingen_json').notNull().default('{}'),
});

export const STUKTERMIJN_SOORTEN = ['hersteltermijn', 'griffierecht'] as const;

/**
 * Terms a filing leaves behind (issue 13, point 5): the griffier's hersteltermijn (art. 6:6 Awb, the date as set) and
 * the griffierecht term (art. 8:41 lid 5 Awb). Kept apart from the reminder ledger; the reminder job reads them through
 * listStukTermijnenVoorHerinnering (src/services/filings/stukTermijnen.ts).
 */
export const stukTermijnen = sqliteTable(
  'stuk_termijnen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    zaakId: integer('zaak_id')
      .notNull()
      .references(() => zaken.id, { onDelete: 'cascade' }),
    soort: text('soort', { enum: STUKTERMIJN_SOORTEN }).notNull(),
    /** The date of the griffier's letter or notice. */
    brief: text('brief').notNull(),
    /** The last day: as set by the griffier (6:6), or computed (8:41 lid 5 with the Atw). */
    einde: text('einde').notNull(),
    grondslag: text('grondslag').notNull(),
    vervuld: integer('vervuld', { mode: 'boolean' }).notNull().default(false),
    geregistreerdDoor: integer('geregistreerd_door').references(() => gebruikers.id),
    aangemaaktOp: aangemaakt(),
  },
  (t) => [
    unique('stuk_termijnen_uniek').on(t.zaakId, t.soort, t.brief),
    check('stuk_termijnen_soort', sql`soort IN ${inLijst(STUKTERMIJN_SOORTEN)}`),
    check('stuk_termijnen_brief', isIsoDatum('brief')),
    check('stuk_termijnen_einde', isIsoDatum('einde')),
  ],
);

export const HERINNERING_STATUSSEN = ['gepland', 'bezig', 'verzonden', 'overgeslagen', 'vervallen', 'mislukt', 'onzeker'] as const;
export const HERINNERING_SOORTEN = ['herinnering', 'escalatie', 'weekoverzicht'] as const;

/**
 * The reminder ledger: one row per (term, last day, reminder moment, recipient), unique by `sleutel`. A row is claimed
 * (gepland → bezig) by a conditional update by the holder of the sender lease, and becomes `verzonden` only once SMTP
 * accepted the e-mail and that is committed; a sender that died in between leaves it `bezig`, which the next lease
 * holder turns into `onzeker` (listed at /outbox: resend, or confirm it went out), never resent by itself.
 */
export const herinneringen = sqliteTable(
  'herinneringen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sleutel: text('sleutel').notNull().unique(),
    soort: text('soort', { enum: HERINNERING_SOORTEN }).notNull(),
    zaakId: integer('zaak_id').references(() => zaken.id, { onDelete: 'cascade' }),
    /** Which term: `z<zaak id>` for a case's term, else the term itself within the organisation (issue 14). */
    termijn: text('termijn'),
    /** The organisation whose term it is (for terms without a case; a case names its own). */
    organisatieId: integer('organisatie_id').references(() => organisaties.id),
    gebruikerId: integer('gebruiker_id')
      .notNull()
      .references(() => gebruikers.id),
    einde: text('einde'),
    werkdagenVooraf: integer('werkdagen_vooraf'),
    moment: text('moment').notNull(),
    status: text('status', { enum: HERINNERING_STATUSSEN }).notNull().default('gepland'),
    pogingen: integer('pogingen').notNull().default(0),
    volgendePoging: integer('volgende_poging').notNull().default(0),
    geclaimdOp: integer('geclaimd_op'),
    /** The lease holder that claimed it (verzend_lease.eigenaar). */
    geclaimdDoor: text('geclaimd_door'),
    inhaal: integer('inhaal', { mode: 'boolean' }).notNull().default(false),
    /** A beheerder asked to send an `onzeker` or `mislukt` row again: sent even when a later reminder went out. */
    opnieuwGevraagd: integer('opnieuw_gevraagd', { mode: 'boolean' }).notNull().default(false),
    /** When the recipient marked the reminder seen ("gezien"); a term seen is not escalated. */
    gezienOp: text('gezien_op'),
    fout: text('fout'),
    messageId: text('message_id'),
    verzondenOp: text('verzonden_op'),
  },
  (t) => [
    index('herinneringen_te_versturen').on(t.status, t.moment),
    index('herinneringen_zaak').on(t.zaakId),
    index('herinneringen_termijn').on(t.termijn, t.einde),
    check('herinneringen_status', sql`status IN ${inLijst(HERINNERING_STATUSSEN)}`),
    check('herinneringen_moment', isIsoDatum('moment')),
  ],
);

/**
 * Who may send reminders: one row per job, held by one process until `verloopt_op` (ms). Renewed before every send;
 * a second server on the same file sends nothing while the lease is held by another.
 */
export const verzendLease = sqliteTable('verzend_lease', {
  naam: text('naam').primaryKey(),
  eigenaar: text('eigenaar').notNull(),
  verlooptOp: integer('verloopt_op').notNull(),
});

/** The embedded outbox: with no SMTP configured, every e-mail lands here (and as .eml under data/outbox/). */
export const uitgaandeMail = sqliteTable('uitgaande_mail', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  messageId: text('message_id').notNull().unique(),
  aan: text('aan').notNull(),
  onderwerp: text('onderwerp').notNull(),
  tekst: text('tekst').notNull(),
  eml: text('eml').notNull(),
  aangemaaktOp: aangemaakt(),
});

/**
 * One row: the data revision. Every write transaction bumps it (src/db/transactie.ts), so any process on this file
 * sees at its next request that cached results are stale.
 */
export const dataRevisie = sqliteTable(
  'data_revisie',
  {
    id: integer('id').primaryKey(),
    revisie: integer('revisie').notNull(),
  },
  (t) => [check('data_revisie_een_rij', sql`${t.id} = 1`)],
);

/**
 * Former names of a zorgkantoorregio (termijnregels §11): when an NZa beheerder renames a region from a year on, the
 * old name is kept here with its last day; decisions keep their region, and the old name still finds it.
 */
export const regioNamen = sqliteTable(
  'regio_namen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    regioId: integer('regio_id')
      .notNull()
      .references(() => zorgkantoorregios.id),
    naam: text('naam').notNull(),
    /** The last day the region bore this name. */
    geldigTot: text('geldig_tot').notNull(),
  },
  (t) => [index('regio_namen_regio').on(t.regioId), check('regio_namen_tot', isIsoDatum('geldig_tot'))],
);

/**
 * The revision of each (regio, jaar) partition of the term engine's input, bumped by triggers (migration 0005) inside
 * the writing transaction whenever a tariefbeschikking, a contracteerruimte(bedrag) or a beroep of that cell changes.
 * Row (0, 0) moves when something every cell depends on changes (a name, who represents whom). The term cache
 * recomputes only the cells whose revision moved; a note or a letterhead moves none.
 */
export const termijnCelRevisies = sqliteTable(
  'termijn_cel_revisie',
  {
    regioId: integer('regio_id').notNull(),
    jaar: integer('jaar').notNull(),
    revisie: integer('revisie').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regioId, t.jaar] })],
);

// --- Accounts (issue 11). None of these tables moves the data revision: no term or cached page depends on them. ---

/** Sign-in credentials, apart from `gebruikers` so that signing in never bumps the data revision. */
export const inloggegevens = sqliteTable('inloggegevens', {
  gebruikerId: integer('gebruiker_id')
    .primaryKey()
    .references(() => gebruikers.id),
  /** argon2id (PHC string); null until the user has set a password. */
  wachtwoordHash: text('wachtwoord_hash'),
  /** Base32 TOTP secret, once enrolment is confirmed; null: no second factor yet. */
  totpGeheim: text('totp_geheim'),
  /** Last accepted TOTP time step: a code is accepted only once. */
  totpLaatsteStap: integer('totp_laatste_stap'),
  /** JSON list of SHA-256 hashes of the unused recovery codes. */
  herstelcodes: text('herstelcodes').notNull().default('[]'),
  /** A demo account (demo mode only): signs in without TOTP; refused outside demo mode. */
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  aangemaaktOp: aangemaakt(),
});

/** Server-side sessions: the cookie holds a random value, the table its keyed hash. */
export const sessies = sqliteTable(
  'sessies',
  {
    id: text('id').primaryKey(),
    gebruikerId: integer('gebruiker_id')
      .notNull()
      .references(() => gebruikers.id),
    csrfToken: text('csrf_token').notNull(),
    /** Milliseconds since the epoch. */
    begonnenMs: integer('begonnen_ms').notNull(),
    laatstGezienMs: integer('laatst_gezien_ms').notNull(),
  },
  (t) => [index('sessies_gebruiker').on(t.gebruikerId)],
);

/** One-time sign-in links: invitations by a beheerder and first sign-in links from the command line. */
export const uitnodigingen = sqliteTable(
  'uitnodigingen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(),
    gebruikerId: integer('gebruiker_id')
      .notNull()
      .references(() => gebruikers.id),
    /** The TOTP secret offered at enrolment (chosen when the link is made, so showing the page writes nothing). */
    totpGeheim: text('totp_geheim').notNull(),
    verlooptOp: text('verloopt_op').notNull(),
    gebruiktOp: text('gebruikt_op'),
    aangemaaktDoor: integer('aangemaakt_door').references(() => gebruikers.id),
    aangemaaktOp: aangemaakt(),
  },
  (t) => [index('uitnodigingen_gebruiker').on(t.gebruikerId)],
);

/** Personal API tokens: stored as a keyed hash, shown once. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    gebruikerId: integer('gebruiker_id')
      .notNull()
      .references(() => gebruikers.id),
    naam: text('naam').notNull(),
    /** The token's scopes (TOKEN_SCOPES), space-separated. */
    scopes: text('scopes').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    laatstGebruiktOp: text('laatst_gebruikt_op'),
    ingetrokkenOp: text('ingetrokken_op'),
    aangemaaktOp: aangemaakt(),
  },
  (t) => [index('api_tokens_gebruiker').on(t.gebruikerId), check('api_tokens_scopes', sql`scopes <> ''`)],
);

/**
 * Idempotency keys of the API (issue 32.2): per token, the first answer to a POST with an `Idempotency-Key`, so a
 * retried request gets it again instead of creating twice. A row without `status` is a request under way (or one that
 * died after its write: its retry is refused rather than run again). Bookkeeping: kept 24 hours, read by no page.
 */
export const apiIdempotentie = sqliteTable(
  'api_idempotentie',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id),
    sleutel: text('sleutel').notNull(),
    /** SHA-256 of the method, path and body: the same key with another request is refused. */
    verzoekHash: text('verzoek_hash').notNull(),
    status: integer('status'),
    antwoord: text('antwoord'),
    contentType: text('content_type'),
    aangemaaktOp: aangemaakt(),
  },
  (t) => [unique('api_idempotentie_token_sleutel').on(t.tokenId, t.sleutel), index('api_idempotentie_aangemaakt').on(t.aangemaaktOp)],
);

/**
 * The audit log: every write, who, for which organisation, when, what, before → after. Append-only: triggers of
 * migration 0004 abort any UPDATE or DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    op: text('op')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    gebruikerId: integer('gebruiker_id').references(() => gebruikers.id),
    /** Name at the time, so the log stays readable whatever happens to the account. */
    gebruikerNaam: text('gebruiker_naam').notNull(),
    organisatieId: integer('organisatie_id').references(() => organisaties.id),
    actie: text('actie').notNull(),
    /** What was written: 'zaak', 'contracteerruimtebesluit', 'tariefbeschikking', 'gebruiker', 'organisatie', …. */
    onderwerp: text('onderwerp').notNull(),
    onderwerpId: integer('onderwerp_id'),
    /** JSON: {veld: [voor, na]} for dates, statuses and responsible persons; other facts as {veld: waarde}. */
    wijzigingen: text('wijzigingen').notNull().default('{}'),
    /**
     * The hash chain (issue 28): `vorigeHash` is the `hash` of the entry before it (null for the first), `hash` the
     * HMAC-SHA256 (key from SESSION_SECRET) of this entry's content and `vorigeHash` (src/db/auditKeten.ts). Null only for entries written before
     * migration 0011 until the connection set-up chains them. Checked by `cli -- audit controleer` and at start.
     */
    vorigeHash: text('vorige_hash'),
    hash: text('hash'),
  },
  (t) => [index('audit_log_onderwerp').on(t.onderwerp, t.onderwerpId), index('audit_log_organisatie').on(t.organisatieId)],
);

/**
 * The boundary of the audit chain (issue 28 review): one row, made by migration 0013 with `totId` = the id of the last
 * entry written before the chain existed (0 when none). The connection set-up chains those entries exactly once and
 * then sets `hash` (HMAC of the boundary) in the same transaction; from then on no entry is ever chained again, an
 * entry without hash is a break, and the rule that times never go backwards applies to the entries after `totId` only.
 * Triggers refuse any change once `hash` is set, and any delete.
 */
export const auditKetenGrens = sqliteTable(
  'audit_keten_grens',
  {
    id: integer('id').primaryKey(),
    totId: integer('tot_id').notNull(),
    /** Null until the entries up to `totId` are chained; then the HMAC of the boundary (src/db/auditKeten.ts). */
    hash: text('hash'),
  },
  (t) => [check('audit_keten_grens_een_rij', sql`${t.id} = 1`)],
);

/**
 * Single sign-on of an organisation (OpenID Connect, authorisation code + PKCE), set by its beheerder. The client
 * secret is stored encrypted with a key derived from SESSION_SECRET (AES-256-GCM): a copy of the database alone does
 * not give it, and no page ever shows it back. Feeds no term or cached page.
 */
export const organisatieSso = sqliteTable('organisatie_sso', {
  organisatieId: integer('organisatie_id')
    .primaryKey()
    .references(() => organisaties.id),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  /** base64url(iv ‖ tag ‖ ciphertext). */
  clientSecretVersleuteld: text('client_secret_versleuteld').notNull(),
  /** The last four characters of the secret, to recognise which one is set. */
  clientSecretEinde: text('client_secret_einde').notNull(),
  bijgewerktOp: text('bijgewerkt_op').notNull(),
});

/**
 * The four-eyes check of a fatal date (issue 14): a second jurist of the organisation confirmed the last day of the term
 * of one party in one (regio, jaar). Keyed by that last day: a date that moves needs a new check. `partij` is the
 * party's name, or '' for a term open to every party of the region (an art. 105 lid 3 window). Shown on pages: counted
 * in the data revision.
 */
export const fataleDatumControles = sqliteTable(
  'fatale_datum_controles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisaties.id),
    partij: text('partij').notNull(),
    regioId: integer('regio_id')
      .notNull()
      .references(() => zorgkantoorregios.id),
    jaar: integer('jaar').notNull(),
    einde: text('einde').notNull(),
    gecontroleerdDoor: integer('gecontroleerd_door')
      .notNull()
      .references(() => gebruikers.id),
    gecontroleerdOp: text('gecontroleerd_op')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))`),
    /**
     * Who checked (issue 30.2): a colleague, the same person in a second reading after a night (a one-person
     * organisation), or an external checker invited for this date only (`gecontroleerdDoor` is then who invited).
     */
    soort: text('soort', { enum: ['collega', 'tweede-lezing', 'extern'] })
      .notNull()
      .default('collega'),
    /** What was compared (issue 30.2): the kenmerk on the besluit, its bekendmaking and how that is known. Null before 30.2. */
    kenmerk: text('kenmerk'),
    bekendmaking: text('bekendmaking'),
    bekendmakingWijze: text('bekendmaking_wijze', { enum: ['verzenddatum', 'stempel', 'ontvangst'] }),
    externNaam: text('extern_naam'),
    externEmail: text('extern_email'),
  },
  (t) => [
    check('fatale_datum_controles_soort', sql`${t.soort} IN ('collega', 'tweede-lezing', 'extern')`),
    check('fatale_datum_controles_wijze', sql`${t.bekendmakingWijze} IS NULL OR ${t.bekendmakingWijze} IN ('verzenddatum', 'stempel', 'ontvangst')`),
    unique('fatale_datum_controles_uniek').on(t.organisatieId, t.partij, t.regioId, t.jaar, t.einde),
    check('fatale_datum_controles_einde', isIsoDatum('einde')),
    check('fatale_datum_controles_jaar', isJaar('jaar')),
  ],
);

/**
 * An external checker invited by a one-person organisation (issue 30.2): one date of one term, by a one-time link that
 * expires; the link shows that term's besluit and afleiding, nothing else of the organisation.
 */
export const controleUitnodigingen = sqliteTable(
  'controle_uitnodigingen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisaties.id),
    tokenHash: text('token_hash').notNull().unique(),
    partij: text('partij').notNull(),
    regioId: integer('regio_id')
      .notNull()
      .references(() => zorgkantoorregios.id),
    jaar: integer('jaar').notNull(),
    einde: text('einde').notNull(),
    naam: text('naam').notNull(),
    email: text('email').notNull(),
    uitgenodigdDoor: integer('uitgenodigd_door')
      .notNull()
      .references(() => gebruikers.id),
    verlooptOp: text('verloopt_op').notNull(),
    gebruiktOp: text('gebruikt_op'),
    aangemaaktOp: aangemaakt(),
  },
  (t) => [index('controle_uitnodigingen_organisatie').on(t.organisatieId, t.regioId, t.jaar), check('controle_uitnodigingen_einde', isIsoDatum('einde'))],
);

// --- Official sources (issue 33): proposals from CBb uitspraken and the Staatscourant, reviewed by a person. ---

export const BRON_VOORSTEL_SOORTEN = ['uitspraak', 'gelijkgestelde-dag', 'nza-publicatie'] as const;
export const BRON_VOORSTEL_STATUSSEN = ['open', 'aanvaard', 'afgewezen'] as const;

/**
 * A proposal read from an official source, owned by the organisation that reviews it (docs/adr/0006): an uitspraak by
 * the organisation of the case (or of the received beroep) it closes, a KB day by the NZa (the public facts' owner),
 * an NZa publication by every organisation, each its own row. Unique per owner and source id: a dismissed proposal
 * stays dismissed and is never proposed again.
 */
export const bronVoorstellen = sqliteTable(
  'bron_voorstellen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisaties.id),
    soort: text('soort', { enum: BRON_VOORSTEL_SOORTEN }).notNull(),
    /** The source's own id: the ECLI, the Staatscourant identifier (with `#datum` for one KB day). */
    bronId: text('bron_id').notNull(),
    zaakId: integer('zaak_id').references(() => zaken.id, { onDelete: 'cascade' }),
    ontvangenBeroepId: integer('ontvangen_beroep_id').references(() => ontvangenBeroepen.id, { onDelete: 'cascade' }),
    /** The uitspraak's date, the equated day, or the publication's date. */
    datum: text('datum').notNull(),
    titel: text('titel').notNull(),
    url: text('url').notNull(),
    zaaknummer: text('zaaknummer'),
    status: text('status', { enum: BRON_VOORSTEL_STATUSSEN }).notNull().default('open'),
    beoordeeldDoor: integer('beoordeeld_door').references(() => gebruikers.id),
    beoordeeldOp: text('beoordeeld_op'),
    aangemaaktOp: aangemaakt(),
  },
  (t) => [
    unique('bron_voorstellen_uniek').on(t.organisatieId, t.soort, t.bronId),
    index('bron_voorstellen_status').on(t.organisatieId, t.status),
    check('bron_voorstellen_soort', sql`soort IN ${inLijst(BRON_VOORSTEL_SOORTEN)}`),
    check('bron_voorstellen_status', sql`status IN ${inLijst(BRON_VOORSTEL_STATUSSEN)}`),
    check('bron_voorstellen_datum', isIsoDatum('datum')),
    check('bron_voorstellen_uitspraak', sql`soort <> 'uitspraak' OR ((zaak_id IS NULL) <> (ontvangen_beroep_id IS NULL))`),
  ],
);

/**
 * Days equated with a feestdag by KB (art. 3 lid 3 Atw) that a reviewer accepted from the Staatscourant: part of the
 * calendar beside the shipped KBs and ATW_GELIJKGESTELDE_DAGEN, each with its source.
 */
export const gelijkgesteldeDagen = sqliteTable(
  'gelijkgestelde_dagen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datum: text('datum').notNull().unique(),
    naam: text('naam').notNull(),
    bron: text('bron').notNull(),
    voorstelId: integer('voorstel_id').references(() => bronVoorstellen.id),
    aangemaaktOp: aangemaakt(),
  },
  () => [check('gelijkgestelde_dagen_datum', isIsoDatum('datum'))],
);

/** The watcher's bookmark per source: the moment of its last successful poll (bookkeeping: no page reads it). */
export const bronStand = sqliteTable('bron_stand', {
  bron: text('bron').primaryKey(),
  /** ISO instant (UTC) at which the last successful poll began: the next asks for what was modified since. */
  laatstGelukt: text('laatst_gelukt').notNull(),
});

/** The events a webhook can subscribe to (issue 32.3). */
export const WEBHOOK_GEBEURTENISSEN = ['termijn.nieuw', 'termijn.gewijzigd', 'termijn.vervallen', 'termijn.verloopt', 'zaak.gewijzigd'] as const;
/**
 * A delivery's state: `wachtend` (due at `volgende_poging`), `bezig` (claimed by the lease holder, being sent),
 * `afgeleverd` (the receiver answered 2xx and that is committed), `onzeker` (the sender died or lost the lease
 * mid-send: whether it arrived is unknown; sent again with the same webhook-id), `mislukt` (every attempt failed).
 */
export const WEBHOOK_LEVERING_STATUSSEN = ['wachtend', 'bezig', 'afgeleverd', 'onzeker', 'mislukt'] as const;

/**
 * An organisation's webhook endpoint (issue 32.3), registered by its beheerder. The signing secret (Standard Webhooks,
 * `whsec_…`) is stored encrypted with a key derived from SESSION_SECRET and shown once. Feeds no term or cached page.
 */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisaties.id),
    url: text('url').notNull(),
    /** JSON list of WEBHOOK_GEBEURTENISSEN. */
    gebeurtenissen: text('gebeurtenissen').notNull(),
    /** base64url(iv ‖ tag ‖ ciphertext) of the `whsec_…` secret. */
    geheimVersleuteld: text('geheim_versleuteld').notNull(),
    aangemaaktDoor: integer('aangemaakt_door').references(() => gebruikers.id),
    aangemaaktOp: aangemaakt(),
    /** zaak.gewijzigd: the audit entries up to this id have been turned into deliveries (set at registration). */
    zaakAuditTot: integer('zaak_audit_tot').notNull().default(0),
  },
  (t) => [index('webhooks_organisatie').on(t.organisatieId)],
);

/**
 * The delivery ledger: one row per (webhook, event), unique by `sleutel` within the webhook, with its Standard Webhooks
 * message id (`bericht_id`, the `webhook-id` header, the same on every attempt so a receiver can deduplicate).
 * Claimed (wachtend/onzeker → bezig) by the holder of the `webhooks` lease, `afgeleverd` only once the receiver's 2xx
 * is committed.
 */
export const webhookLeveringen = sqliteTable(
  'webhook_leveringen',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisaties.id),
    gebeurtenis: text('gebeurtenis', { enum: WEBHOOK_GEBEURTENISSEN }).notNull(),
    sleutel: text('sleutel').notNull(),
    berichtId: text('bericht_id').notNull().unique(),
    /** The JSON body as signed and sent, byte for byte the same on every attempt. */
    payload: text('payload').notNull(),
    status: text('status', { enum: WEBHOOK_LEVERING_STATUSSEN }).notNull().default('wachtend'),
    /** Once `onzeker`: the receiver may have it twice (with the same webhook-id). */
    mogelijkDubbel: integer('mogelijk_dubbel', { mode: 'boolean' }).notNull().default(false),
    pogingen: integer('pogingen').notNull().default(0),
    volgendePoging: integer('volgende_poging').notNull().default(0),
    geclaimdDoor: text('geclaimd_door'),
    geclaimdOp: integer('geclaimd_op'),
    /** The receiver's last HTTP status (null: no answer). */
    httpStatus: integer('http_status'),
    fout: text('fout'),
    aangemaaktOp: aangemaakt(),
    afgeleverdOp: text('afgeleverd_op'),
  },
  (t) => [
    unique('webhook_leveringen_uniek').on(t.webhookId, t.sleutel),
    index('webhook_leveringen_te_versturen').on(t.status, t.volgendePoging),
    index('webhook_leveringen_organisatie').on(t.organisatieId, t.id),
    check('webhook_leveringen_status', sql`status IN ${inLijst(WEBHOOK_LEVERING_STATUSSEN)}`),
    check('webhook_leveringen_gebeurtenis', sql`gebeurtenis IN ${inLijst(WEBHOOK_GEBEURTENISSEN)}`),
  ],
);

/**
 * What an organisation's webhooks last saw of its clients' terms (issue 32.3): per term its last days and its JSON, and
 * the data revision they were computed at. A write is compared with this to tell termijn.nieuw, .gewijzigd and
 * .vervallen; kept only while the organisation has a webhook for those events.
 */
export const webhookTermijnStand = sqliteTable(
  'webhook_termijn_stand',
  {
    organisatieId: integer('organisatie_id')
      .notNull()
      .references(() => organisaties.id),
    sleutel: text('sleutel').notNull(),
    /** The term's cell: a write compares only the cells it changed. */
    regio: text('regio').notNull(),
    jaar: integer('jaar').notNull(),
    einde: text('einde').notNull(),
    gegevens: text('gegevens').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisatieId, t.sleutel] }), index('webhook_termijn_stand_cel').on(t.organisatieId, t.regio, t.jaar)],
);

/** The data revision of an organisation's `webhook_termijn_stand`; absent: no baseline yet (the next pass makes one, sending nothing). */
export const webhookRevisie = sqliteTable('webhook_revisie', {
  organisatieId: integer('organisatie_id')
    .primaryKey()
    .references(() => organisaties.id),
  dataRevisie: integer('data_revisie').notNull(),
});
