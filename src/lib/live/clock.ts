/**
 * How far this device's clock is from the server's, measured like NTP does in its simplest form:
 * ask the server for its time, and assume the answer was taken half-way through the round trip.
 */

/** One measurement: local times (ms) around the request, and the server's time in its answer. */
export interface ClockSample {
	sentAt: number;
	receivedAt: number;
	serverTime: number;
}

/**
 * The offset to add to the local clock to get the server's, from the sample with the shortest
 * round trip (the one whose half-way guess can be wrong by the least); null without a usable sample.
 */
export function estimateOffset(samples: ClockSample[]): number | null {
	let best: ClockSample | null = null;
	for (const s of samples) {
		const valid = [s.sentAt, s.receivedAt, s.serverTime].every(Number.isFinite) && s.receivedAt >= s.sentAt;
		if (valid && (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt)) best = s;
	}
	if (!best) return null;
	return Math.round(best.serverTime - (best.sentAt + best.receivedAt) / 2);
}

/** Reads the answer of `GET /api/time`; null when it is not one. */
export function parseServerTime(body: unknown): number | null {
	const now = (body as { now?: unknown } | null)?.now;
	return typeof now === 'number' && Number.isFinite(now) ? now : null;
}
