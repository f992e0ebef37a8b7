// A local stand-in for the Bot Framework identity services: the channel's signing keys (JWKS) and
// the token endpoint the bot gets client-credentials tokens from.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, importJWK, type JWK } from 'jose';

export const TEST_BOT_APP_ID = 'test-bot-app-id';
export const TEST_BOT_APP_PASSWORD = 'test-bot-app-password';
export const CHANNEL_ISSUER = 'https://api.botframework.com';
export const TEST_CONNECTOR_TOKEN = 'test-connector-static-token';
export const TEST_CONNECTOR_AUDIENCE = 'agent-console-connector';
const KID = 'test-channel-key';

export interface FakeIdentity {
  url: string;
  jwksUrl: string;
  tokenUrl: string;
  close(): Promise<void>;
}

export async function startFakeIdentity(): Promise<FakeIdentity> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid: KID, alg: 'RS256' };
  let tokens = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url === '/keys') return void response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
      // Tests fetch the signing key here to act as a Bot Framework channel.
      if (request.url === '/test/signing-key') return void response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(privateJwk));
      if (request.url === '/token' && request.method === 'POST') {
        tokens++;
        return void response
          .writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
          .end(JSON.stringify({ access_token: `bot-access-token-${tokens}`, token_type: 'Bearer', expires_in: 3600 }));
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    jwksUrl: `${url}/keys`,
    tokenUrl: `${url}/token`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A token as a Bot Framework channel would send it to the bot's messaging endpoint. */
export async function channelToken(identityUrl: string, claims: { serviceUrl: string; audience?: string; issuer?: string; expiresIn?: string }) {
  const jwk = (await (await fetch(`${identityUrl}/test/signing-key`)).json()) as JWK;
  const key = await importJWK(jwk, 'RS256');
  return new SignJWT({ serviceurl: claims.serviceUrl })
    .setProtectedHeader({ alg: 'RS256', kid: KID })
    .setIssuer(claims.issuer ?? CHANNEL_ISSUER)
    .setAudience(claims.audience ?? TEST_BOT_APP_ID)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '10m')
    .sign(key);
}
