import * as m from '$lib/paraglide/messages';
import type { ScoringView } from '$lib/server/scoring/view';
import type { Leaderboard } from '$lib/server/scoring/leaderboard';

// The browser side of the scoring endpoints (src/routes/api/scores). Every call resolves to
// data or to a sentence for the user; none throws.

export type { ScoringView };
/** The leaderboard as the endpoint sends it. */
export type LeaderboardData = Leaderboard & { facilitator: boolean; revealedOnly: boolean };
/** Who a form scores as. */
export type ScoreAs = 'facilitator' | 'group';
/** A score as the endpoint returns it. */
export type StoredScore = ScoringView['mine'][string];

type Outcome<T> = { ok: true; data: T } | { ok: false; message: string; code?: string };

async function call<T>(url: string, init?: RequestInit): Promise<Outcome<T>> {
	try {
		const res = await fetch(url, init);
		const body = await res.json().catch(() => null);
		if (res.ok) return { ok: true, data: body as T };
		return { ok: false, message: (body as { message?: string } | null)?.message ?? m.scoring_load_failed(), code: (body as { code?: string } | null)?.code };
	} catch {
		return { ok: false, message: m.scoring_error_network() };
	}
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The rubric, the groups to score and the caller's own scores. */
export function loadView(activityId: string, as: ScoreAs) {
	return call<ScoringView>(`/api/scores?activity=${encodeURIComponent(activityId)}&as=${as}`);
}

/** Submits (or, with `replace`, edits) one score. */
export function sendScore(input: { activityId: string; groupId: string; as: ScoreAs; marks: Record<string, number>; comments: Record<string, string>; comment: string; replace: boolean }) {
	return call<{ created: boolean; score: StoredScore }>('/api/scores', post(input));
}

/** Opens or closes scoring, or reveals the leaderboard (facilitator only). */
export function controlScoring(activityId: string, action: 'open' | 'close' | 'reveal') {
	return call<{ scoring: 'pending' | 'open' | 'closed'; revealedAt: number | null }>('/api/scores/state', post({ activityId, action }));
}

/** The leaderboard; `revealedOnly` asks for what the room may see, even from the facilitator's session. */
export function loadLeaderboard(workshopId: string, activityId: string | undefined, revealedOnly: boolean) {
	const q = new URLSearchParams({ workshop: workshopId });
	if (activityId) q.set('activity', activityId);
	if (revealedOnly) q.set('revealed', '1');
	return call<LeaderboardData>(`/api/scores/leaderboard?${q}`);
}
