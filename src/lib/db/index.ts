export { initDB, resetDB, onLoadProgress, type Database, type LoadProgress } from './client';
export {
	requestsByBodyYear,
	datasetSummary,
	overviewFacts,
	headlineTotals,
	cellRows,
	type RequestsRow,
	type RequestsFilter,
	type DatasetSummary,
	type Scope,
	type ReportRef,
	type FactRow,
	type HeadlineTotals,
	type Total,
	type CellRow
} from './queries';
