import { run } from './main.js';

// Process entry (bin/meridian.js imports this); main.ts stays importable for tests.
const code = await run(process.argv.slice(2));
if (code >= 0) process.exit(code);
