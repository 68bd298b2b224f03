import { z } from 'zod';

// Extension pages and the service worker forbid eval (MV3 CSP `script-src 'self'`). Without this, zod probes
// `new Function` once, and the browser records a CSP violation in the extension's error list even though zod
// catches the throw. Import this module first in every entrypoint, before any schema is created.
z.config({ jitless: true });
