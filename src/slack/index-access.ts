// The index and ingest entry points the Slack bot uses, in one place.
export { loadIndex } from '../index/read.js';
export type { PlanIndex } from '../index/store.js';
export { ingestCorpus } from '../index/build.js';
export { SUPPORTED_EXTENSIONS } from '../ingest/load.js';
