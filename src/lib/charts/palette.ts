/**
 * Okabe–Ito colour-blind-safe palette, ordered so that neighbouring series contrast well on white.
 * Yellow comes last: it is the weakest on a white background.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'] as const;

/** Colour function for an ordered list of series keys; keys beyond the palette cycle. */
export function seriesColors(keys: readonly string[]): (key: string) => string {
	const index = new Map(keys.map((k, i) => [k, i]));
	return (key) => OKABE_ITO[(index.get(key) ?? 0) % OKABE_ITO.length];
}
