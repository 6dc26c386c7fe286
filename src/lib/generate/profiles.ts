/**
 * Body profiles of a county: how many requests, appeals, decisions and fees a township, the county
 * government and each kind of department has in a year. Shared by the demo county and the scale data.
 */
import type { Profile } from './model';

const base = {
	orgShare: 0.15,
	carry: 0.06,
	reviews: 0.08,
	suits: 0.04,
	licensing: [0, 0],
	penalty: [0, 0],
	coercion: [0, 0],
	fees: [0, 0],
	proactive: [40, 300]
} as const;

export const TOWNSHIP: Profile = {
	...base,
	kind: 'township',
	requests: { none: 0.6, range: [1, 6] },
	orgShare: 0.08,
	carry: 0.05,
	reviews: 0.04,
	suits: 0.015,
	licensing: [1, 40],
	penalty: [1, 5],
	proactive: [40, 260]
};

/** The township the county seat is in: a little busier. */
export const SEAT_TOWNSHIP: Profile = { ...TOWNSHIP, requests: { none: 0.35, range: [1, 8] }, reviews: 0.08 };

export const GOVERNMENT: Profile = {
	...base,
	kind: 'government',
	requests: { none: 0, range: [15, 70] },
	orgShare: 0.25,
	carry: 0.08,
	reviews: 1.2,
	suits: 0.6,
	normative: { issued: [2, 8], repealed: [1, 4], start: 38 },
	licensing: [1, 30],
	proactive: [300, 1500]
};

export interface DepartmentDef {
	/** Short ASCII code for file names. */
	code: string;
	name: string;
	/** How the report calls the body: 我局, 我委. */
	self: string;
	profile: Profile;
	/** Prints big numbers with thousands separators. */
	thousands?: boolean;
	/** Decimals of 收费金额. */
	feeDecimals?: number;
}

const dept = (p: Partial<Profile> & Pick<Profile, 'requests'>): Profile => ({ ...base, kind: 'department', ...p });

/** About ten county departments; 自然资源局 and 住建局 get the most requests. */
export const DEPARTMENTS: DepartmentDef[] = [
	{ code: 'czj', name: '财政局', self: '我局', profile: dept({ requests: { none: 0.5, range: [1, 4] }, penalty: [1, 3], proactive: [60, 200] }) },
	{ code: 'jyj', name: '教育局', self: '我局', profile: dept({ requests: { none: 0.3, range: [1, 6] }, licensing: [2, 30], penalty: [1, 4] }) },
	{
		code: 'zrzyj',
		name: '自然资源局',
		self: '我局',
		feeDecimals: 6,
		profile: dept({
			requests: { none: 0.05, range: [4, 30] },
			orgShare: 0.3,
			carry: 0.1,
			reviews: 0.6,
			suits: 0.3,
			normative: { issued: [0, 1], repealed: [0, 1], start: 3 },
			licensing: [20, 150],
			penalty: [5, 60],
			coercion: [1, 10],
			fees: [50, 600]
		})
	},
	{
		code: 'zjj',
		name: '住房和城乡建设局',
		self: '我局',
		profile: dept({
			requests: { none: 0.05, range: [3, 25] },
			orgShare: 0.25,
			carry: 0.08,
			reviews: 0.4,
			suits: 0.2,
			licensing: [30, 200],
			penalty: [2, 40],
			coercion: [1, 6],
			fees: [5, 80]
		})
	},
	{ code: 'rsj', name: '人力资源和社会保障局', self: '我局', profile: dept({ requests: { none: 0.3, range: [1, 8] }, licensing: [5, 50], penalty: [1, 10] }) },
	{
		code: 'wjw',
		name: '卫生健康委员会',
		self: '我委',
		profile: dept({ requests: { none: 0.4, range: [1, 5] }, licensing: [50, 400], penalty: [5, 80], fees: [1, 20] })
	},
	{
		code: 'scjgj',
		name: '市场监督管理局',
		self: '我局',
		thousands: true,
		profile: dept({
			requests: { none: 0.2, range: [1, 10] },
			orgShare: 0.4,
			reviews: 0.3,
			suits: 0.1,
			licensing: [300, 2500],
			penalty: [20, 300],
			coercion: [5, 60],
			fees: [0.5, 10]
		})
	},
	{ code: 'nyncj', name: '农业农村局', self: '我局', profile: dept({ requests: { none: 0.3, range: [1, 6] }, licensing: [10, 120], penalty: [2, 30] }) },
	{
		code: 'gaj',
		name: '公安局',
		self: '我局',
		thousands: true,
		profile: dept({
			requests: { none: 0.2, range: [1, 12] },
			reviews: 0.5,
			suits: 0.3,
			licensing: [1000, 8000],
			penalty: [300, 3000],
			coercion: [20, 300],
			fees: [10, 120]
		})
	},
	{
		code: 'sthjj',
		name: '生态环境局',
		self: '我局',
		profile: dept({ requests: { none: 0.3, range: [1, 8] }, orgShare: 0.3, licensing: [5, 40], penalty: [2, 25], coercion: [1, 8] })
	}
];

export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

/** 2019 and 2020 reports use the 2019 trial format, 2021 on the 2021 format. */
export const formatOfYear = (year: number) => (year <= 2020 ? '2019' : '2021') as '2019' | '2021';
