// The signing keys as administrators see them, with the two settings a bot needs to trust them.
import 'server-only';
import { publicUrl } from '../config/env';
import { db as defaultDb, type Db } from '../db/client';
import type { SigningKeysView } from '../protocol/console/bots';
import { OPENID_CONFIGURATION_PATH } from './issuer-metadata';
import { describeSigningKeys } from './signing-keys';

export async function signingKeysView(db: Db = defaultDb()): Promise<SigningKeysView> {
  const issuer = publicUrl();
  const keys = await describeSigningKeys(db);
  return {
    issuer,
    openIdMetadataUrl: `${issuer}${OPENID_CONFIGURATION_PATH}`,
    keys: keys.map((key) => ({
      ...key,
      createdAt: key.createdAt.toISOString(),
      activatesAt: key.activatesAt.toISOString(),
      retiresAt: key.retiresAt?.toISOString() ?? null,
    })),
  };
}
