/** Percentiles, maximum and count of a list of samples (milliseconds). */
export interface Summary {
	n: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

/** Summarises samples; all zero when there are none. */
export function summarise(samples: number[]): Summary {
	if (samples.length === 0) return { n: 0, p50: 0, p95: 0, p99: 0, max: 0 };
	const sorted = Float64Array.from(samples).sort();
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/** A number with sensible precision for a table. */
export function fmt(value: number, digits = 1): string {
	if (!Number.isFinite(value)) return '–';
	if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
	return value.toFixed(digits);
}
