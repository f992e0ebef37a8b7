// Next.js proxy (formerly middleware): a strict Content Security Policy with a per-request nonce on
// every page. Next.js reads the nonce from the request's CSP header and puts it on its own
// scripts; the root layout reads `x-nonce` for the inline theme script.
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from './lib/http/content-security-policy';

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: APIs answer JSON or files (which carry their own `sandbox` policy), and static assets need none.
      source: '/((?!api/|v3/|\\.well-known/|_next/static|_next/image|vendor/|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
