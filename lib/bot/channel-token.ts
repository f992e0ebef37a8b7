// PLACEHOLDER until wip-bot-issuer lands (its lib/bot/channel-token.ts replaces this file at the
// merge): the agreed signature, signing with a key of this process only, published nowhere.
import { generateKeyPair, SignJWT } from 'jose';
import type { Db } from '../db/client';
import { publicUrl } from '../config/env';

let key: ReturnType<typeof generateKeyPair> | undefined;

export async function channelTokenForBot(input: { appId: string; serviceUrl: string }, db?: Db): Promise<string> {
  void db;
  key ??= generateKeyPair('RS256');
  const { privateKey } = await key;
  return new SignJWT({ serviceurl: input.serviceUrl })
    .setProtectedHeader({ alg: 'RS256', kid: 'process-local' })
    .setIssuer(publicUrl())
    .setAudience(input.appId)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);
}
