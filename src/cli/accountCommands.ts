import { parseArgs } from 'node:util';
import type { Db } from '../db/verbinding';
import { ORGANISATIE_SOORTEN, GEBRUIKER_ROLLEN } from '../db/schema';
import {
  createGebruiker,
  createOrganisatie,
  findGebruikerIdByEmail,
  findOrganisatieByNaam,
  type OrganisatieSoort,
  type Rol,
} from '../services/toegang/gebruikerBeheer';
import { createApiToken, parseScopes, SCOPES_UITLEG } from '../services/toegang/apiTokenService';
import { InvoerFout } from '../services/gedeeld/invoerFout';
import { saveSsoInstelling } from '../services/toegang/ssoService';

export interface CliUitkomst {
  stdout: string;
  stderr: string;
  exitCode: 0 | 2;
}

const fout = (melding: string): CliUitkomst => ({ stdout: '', stderr: `${melding}\n`, exitCode: 2 });

/**
 * The operator's commands (issue 11 contract): `organisatie toevoegen`, `gebruiker toevoegen`, `token maak`. Exit 0,
 * or 2 with a Dutch message on stderr; a token alone on the last line of stdout. Safe while the server runs on the
 * same DATABASE_PATH (WAL, busy timeout, one transaction per command).
 */
export function runAccountCommand(
  db: () => Db,
  geheim: () => string,
  appUrl: string,
  args: string[],
  /** `organisatie sso`: the client secret, read from standard input (never an argument: it would show in `ps` and the shell history). */
  opties: { stdin?: string; demo?: boolean } = {},
): CliUitkomst {
  const [commando, sub, ...rest] = args;
  let waarden: Record<string, string | undefined>;
  try {
    waarden = parseArgs({
      args: rest,
      options: {
        naam: { type: 'string' },
        soort: { type: 'string' },
        email: { type: 'string' },
        organisatie: { type: 'string' },
        rol: { type: 'string' },
        scope: { type: 'string' },
        issuer: { type: 'string' },
        'client-id': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | undefined>;
  } catch (e) {
    return fout(`ongeldige opties: ${(e as Error).message}`);
  }
  try {
    if (commando === 'organisatie' && sub === 'toevoegen') {
      if (!waarden.naam?.trim()) return fout('geef --naam "naam van de organisatie"');
      if (!(ORGANISATIE_SOORTEN as readonly string[]).includes(waarden.soort ?? '')) {
        return fout(`onbekende soort ${JSON.stringify(waarden.soort ?? '')}; kies uit: nza, advocatenkantoor, zorgaanbieder, zorgkantoor`);
      }
      const id = createOrganisatie(db(), { naam: waarden.naam, soort: waarden.soort as OrganisatieSoort });
      return { stdout: `Organisatie toegevoegd: ${waarden.naam.trim()} (${waarden.soort}, id ${id})\n`, stderr: '', exitCode: 0 };
    }
    if (commando === 'organisatie' && sub === 'sso') {
      if (!waarden.naam || !waarden.issuer || !waarden['client-id']) return fout('geef --naam, --issuer en --client-id; het clientgeheim via standaardinvoer');
      const organisatie = findOrganisatieByNaam(db(), waarden.naam);
      if (!organisatie) return fout(`onbekende organisatie ${JSON.stringify(waarden.naam)}`);
      const uitkomst = saveSsoInstelling(
        db(),
        geheim(),
        { organisatieId: organisatie.id },
        { issuer: waarden.issuer, clientId: waarden['client-id'], clientSecret: (opties.stdin ?? '').trim() },
        { demoModus: opties.demo ?? false },
      );
      return {
        stdout: `Single sign-on ${uitkomst} voor ${organisatie.naam}. Terugstuuradres voor de identiteitsprovider: ${appUrl}/aanmelden/sso/terug\n`,
        stderr: '',
        exitCode: 0,
      };
    }
    if (commando === 'gebruiker' && sub === 'toevoegen') {
      if (!waarden.email || !waarden.naam || !waarden.organisatie || !waarden.rol) return fout('geef --email, --naam, --organisatie en --rol');
      if (!(GEBRUIKER_ROLLEN as readonly string[]).includes(waarden.rol))
        return fout(`onbekende rol ${JSON.stringify(waarden.rol)}; kies uit: beheerder, jurist, lezer`);
      const organisatie = findOrganisatieByNaam(db(), waarden.organisatie);
      if (!organisatie) return fout(`onbekende organisatie ${JSON.stringify(waarden.organisatie)}; voeg haar eerst toe met: organisatie toevoegen`);
      const { token } = createGebruiker(
        db(),
        geheim(),
        { email: waarden.email, naam: waarden.naam, organisatieId: organisatie.id, rol: waarden.rol as Rol },
        new Date(),
      );
      return {
        stdout: `Gebruiker toegevoegd: ${waarden.naam.trim()} (${waarden.rol}, ${organisatie.naam}).\nEenmalige aanmeldlink (7 dagen geldig):\n${appUrl}/welkom/${token}\n`,
        stderr: '',
        exitCode: 0,
      };
    }
    if (commando === 'token' && sub === 'maak') {
      if (!waarden.email) return fout('geef --email van de gebruiker');
      const scopes = parseScopes(waarden.scope);
      if (!scopes) return fout(`onbekende scope ${JSON.stringify(waarden.scope ?? '')}; ${SCOPES_UITLEG}`);
      const id = findGebruikerIdByEmail(db(), waarden.email);
      if (id === undefined) return fout(`onbekende gebruiker ${JSON.stringify(waarden.email)}`);
      const token = createApiToken(db(), geheim(), id, { naam: 'opdrachtregel', scopes });
      return { stdout: `API-token (scopes ${scopes.join(', ')}); het wordt niet opnieuw getoond:\n${token}\n`, stderr: '', exitCode: 0 };
    }
  } catch (e) {
    if (e instanceof InvoerFout) return fout(e.fouten.map((f) => f.melding).join('; '));
    throw e;
  }
  return fout(
    `onbekend commando ${JSON.stringify([commando, sub].filter(Boolean).join(' '))}; gebruik: organisatie toevoegen | organisatie sso | gebruiker toevoegen | token maak`,
  );
}
