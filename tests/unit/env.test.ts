import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, publicUrl } from '@/lib/config/env';

describe('environment parsing', () => {
  it('gives defaults for a bare environment', () => {
    const config = parseEnv({});
    expect(config.PORT).toBe(3000);
    expect(publicUrl(config)).toBe('http://localhost:3000');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable in one message', () => {
    let error: unknown;
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short', DEMO_ACCOUNTS: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT', 'DATABASE_URL', 'SESSION_SECRET', 'DEMO_ACCOUNTS']) expect(message).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('reads lists and flags', () => {
    const config = parseEnv({ DIRECTLINE_SECRETS: ' a, b ,,c ', DEMO_ACCOUNTS: '0', PUBLIC_URL: 'https://console.example/' });
    expect(config.DIRECTLINE_SECRETS).toEqual(['a', 'b', 'c']);
    expect(config.DEMO_ACCOUNTS).toBe(false);
    expect(publicUrl(config)).toBe('https://console.example');
  });
});
