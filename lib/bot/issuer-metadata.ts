// The OpenID metadata a bot reads to trust the console as its channel. botbuilder's OpenIdMetadata
// reads only `jwks_uri` (then each key's kid, n, e and optional endorsements); the rest mirrors the
// Bot Framework's own document (login.botframework.com/v1/.well-known/openidconfiguration).
import { publicUrl } from '../config/env';
import { SIGNING_ALGORITHM } from './signing-keys';

export const OPENID_CONFIGURATION_PATH = '/.well-known/openid-configuration';
export const JWKS_PATH = '/.well-known/jwks.json';

export function openIdConfiguration() {
  const issuer = publicUrl();
  return {
    issuer,
    jwks_uri: `${issuer}${JWKS_PATH}`,
    id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
  };
}
