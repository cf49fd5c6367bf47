import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { findVrijePoort } from './vrijePoort';

/**
 * A real OpenID provider (oidc-provider, in-memory adapter, its development login pages) for the SSO tests. Any login
 * name is accepted as the account id and returned as its e-mail address; the names in `onbevestigd` come back with
 * `email_verified: false`. It listens on `localhost`, the app on `127.0.0.1`: two sites, as in real life.
 */
export async function startOidcProvider(opties: { clientId: string; clientSecret: string; redirectUri: string; onbevestigd?: string[] }) {
  const port = await findVrijePoort();
  const issuer = `http://localhost:${port}`;
  const onbevestigd = new Set(opties.onbevestigd ?? []);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opties.clientId,
        client_secret: opties.clientSecret,
        redirect_uris: [opties.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: id, email_verified: !onbevestigd.has(id) };
        },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: true } },
    // PKCE for every client, also this confidential one: an authorisation request without it is refused.
    pkce: { required: () => true },
    ttl: { Session: 600, Grant: 600, Interaction: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    cookies: { keys: ['sleutel-van-de-test-provider-0123456789'] },
  });
  /** The query of every authorisation request, to check what the app asked for. */
  const autorisaties: Record<string, string | undefined>[] = [];
  provider.use(async (ctx, next) => {
    if (ctx.path === '/auth' && ctx.method === 'GET') autorisaties.push({ ...ctx.query });
    await next();
  });
  const server = createServer(provider.callback());
  // No host: both 127.0.0.1 and ::1, whichever "localhost" resolves to.
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return {
    issuer,
    autorisaties,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
