// Runs in the browser before any of the app's modules (Next.js instrumentation-client).
import { z } from 'zod';

// zod compiles object parsers with `new Function`, and decides so when a schema is built, after
// probing whether eval is allowed; under the console's strict CSP (no 'unsafe-eval') that probe is
// itself a reported violation. The browser parses little, so it parses without the compiler (the
// server keeps it). This must run before the first schema is built, hence here.
z.config({ jitless: true });
