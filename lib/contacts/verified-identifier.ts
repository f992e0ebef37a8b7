// An identifier a channel vouches for (a WhatsApp number, the address an e-mail channel received
// from): the only thing contacts are joined on automatically. Never a display name.
export type VerifiedKind = 'phone' | 'email';

export interface VerifiedIdentifier {
  kind: VerifiedKind;
  value: string;
}

/** E.164 without formatting: `+` and the digits (WhatsApp gives `15551234567`, SMS `+1 555 123 4567`). */
export function phoneIdentifier(raw: string | null | undefined): VerifiedIdentifier | null {
  const digits = raw?.replace(/[^0-9]/g, '') ?? '';
  return digits.length >= 6 && digits.length <= 15 ? { kind: 'phone', value: `+${digits}` } : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An e-mail address, lower-cased (as mail systems compare them in practice). */
export function emailIdentifier(raw: string | null | undefined): VerifiedIdentifier | null {
  const value = raw?.trim().toLowerCase() ?? '';
  return value.length <= 320 && EMAIL.test(value) ? { kind: 'email', value } : null;
}
