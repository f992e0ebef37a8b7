// `server-only` throws outside Next's server bundle; tests import server modules directly.
export {};
