// The Content Security Policy of every page, with a fresh nonce per request (set by proxy.ts).
// Scripts run only when they carry the nonce (Next.js's own, the theme script) or were loaded by
// one that does ('strict-dynamic': the /demo page's Web Chat bundle); no plugins, no <base>, no
// framing, forms post only here. Styles allow inline: Tailwind, Adaptive Cards and Web Chat set
// style attributes and <style> elements at run time, and styles cannot run script.

export interface CspOptions {
  nonce: string;
  /** `next dev` evaluates code for hot reload and error overlays. */
  dev?: boolean;
}

export function contentSecurityPolicy({ nonce, dev = false }: CspOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'blob:', 'data:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:', 'data:'],
    // 'self' also admits WebSockets to this host (the Direct Line stream, hot reload in dev).
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
