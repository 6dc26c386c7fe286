/**
 * One generated report: a year's numbers (model.ts) printed the way a body prints them, with the
 * planted faults applied, its prose (narrative.ts), and the values the parser must read back.
 */
import type { FormatVersion } from '../template';
import type { ReportSpec } from './document';
import { OTHER_ROWS, T3_COLUMNS, type BodyKind, type YearValues } from './model';
import { narrative } from './narrative';
import type { Rand } from './random';

/** Faults planted in the printed report (X1, ZERO and clean-ups are planted in the numbers, see model.ts). */
export interface PrintFaults {
	/** R3: a result cell printed too high, with its row's 总计 (so R2 holds): the （七）总计 no longer adds up. */
	r3?: { row: string; column: string; delta: number };
	/** R4: a table-4 group's 总计 printed off by delta. */
	r4?: { group: string; delta: number };
	/** Cells printed blank. */
	blank?: string[];
	/** N1: the prose's 受理申请 count off by delta. */
	n1?: number;
	/** Print the single （六） row (2021 format). */
	singleOther?: boolean;
	/** Label typos: official text → printed text. */
	typos?: Record<string, string>;
}

/** How a body prints numbers. */
export interface PrintStyle {
	/** Thousands separators for numbers ≥ 1000. */
	thousands?: boolean;
	/** Decimals of 收费金额 (万元). */
	feeDecimals?: number;
	/** 采购总金额 printed with its unit 元. */
	yuan?: boolean;
}

export interface AssembleInput {
	title: string;
	kind: BodyKind;
	self: string;
	year: number;
	format: FormatVersion;
	values: YearValues;
	style?: PrintStyle;
	faults?: PrintFaults;
	cleanup?: number;
}

export interface Assembled {
	spec: ReportSpec;
	/** Exactly the cells the parser must read: canonical id → number, null for a blank cell. */
	expected: Record<string, number | null>;
	/** The counts the prose quotes (first mention of each PROSE_COUNTS key). */
	prose: Record<string, number>;
}

function printNumber(id: string, v: number, style: PrintStyle): { text: string; value: number } {
	if (id === 't2.fees.amount') {
		const text = v === 0 ? '0' : v.toFixed(style.feeDecimals ?? 2);
		return { text, value: Number(text) };
	}
	if (id === 't2.procurement.amount') return { text: style.yuan ? `${v}元` : String(v), value: v };
	if (style.thousands && Math.abs(v) >= 1000) return { text: v.toLocaleString('en-US'), value: v };
	return { text: String(v), value: v };
}

export function assemble(a: AssembleInput, r: Rand): Assembled {
	const f = a.faults ?? {};
	const cells: Record<string, number> = { ...a.values.cells };
	if (f.singleOther) {
		if (a.format !== '2021') throw new Error('the single （六） row variant is a 2021-format variant');
		for (const c of T3_COLUMNS) {
			cells[`t3.other.${c}`] = OTHER_ROWS.reduce((s, row) => s + cells[`t3.${row}.${c}`], 0);
			for (const row of OTHER_ROWS) delete cells[`t3.${row}.${c}`];
		}
	}
	if (f.r3) {
		cells[`t3.${f.r3.row}.${f.r3.column}`] += f.r3.delta;
		cells[`t3.${f.r3.row}.total`] += f.r3.delta;
	}
	if (f.r4) cells[`t4.${f.r4.group}.total`] += f.r4.delta;

	const values: Record<string, string> = {};
	const expected: Record<string, number | null> = {};
	const style = a.style ?? {};
	for (const [id, v] of Object.entries(cells)) {
		const p = printNumber(id, v, style);
		values[id] = p.text;
		expected[id] = p.value;
	}
	for (const id of f.blank ?? []) {
		if (!(id in values)) throw new Error(`cannot blank ${id}: not printed`);
		values[id] = '';
		expected[id] = null;
	}
	const n = narrative({ kind: a.kind, self: a.self, year: a.year, cells: expected, proactive: a.values.proactive, receivedDelta: f.n1, cleanup: a.cleanup }, r);
	const spec: ReportSpec = {
		title: a.title,
		format: a.format,
		values,
		prose: n.prose,
		demo: true,
		...(f.singleOther ? { singleOther: true } : {}),
		...(f.typos ? { labelTypos: f.typos } : {})
	};
	return { spec, expected, prose: n.counts };
}
