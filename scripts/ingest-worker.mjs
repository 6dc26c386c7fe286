// Worker bootstrap: load the TypeScript worker through tsx (worker threads do not inherit its loader).
import { tsImport } from 'tsx/esm/api';
await tsImport('./ingest-worker.ts', import.meta.url);
