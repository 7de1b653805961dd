// The index and ingest entry points the Slack bot uses, in one place: the index storage is moving
// (src/retrieval → src/index), and only these lines need to follow it.
export { loadIndex, type PlanIndex } from '../retrieval/index-store.js';
export { ingestCorpus } from '../ingest/pipeline.js';
export { SUPPORTED_EXTENSIONS } from '../ingest/load.js';
