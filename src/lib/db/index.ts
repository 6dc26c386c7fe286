export { initDB, resetDB, onLoadProgress, type Database, type LoadProgress } from './client';
export { requestsByBodyYear, datasetSummary, type RequestsRow, type RequestsFilter, type DatasetSummary } from './queries';
