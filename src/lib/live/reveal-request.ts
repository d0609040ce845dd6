import { deserialize } from '$app/forms';

/** What the server's reveal answered: how many notes moved, or its message (null: no message). */
export type RevealAnswer = { ok: true; revealed: number } | { ok: false; message: string | null };

/**
 * Asks the server to move an activity's private notes onto the group boards (the console's
 * `reveal` form action), from the console or the workshop page.
 */
export async function requestReveal(workshopId: string, activityId: string, anonymous: boolean): Promise<RevealAnswer> {
	const body = new FormData();
	body.set('activity', activityId);
	if (anonymous) body.set('anonymous', '1');
	try {
		const res = await fetch(`/workshops/${encodeURIComponent(workshopId)}/console?/reveal`, {
			method: 'POST',
			body,
			headers: { 'x-sveltekit-action': 'true' }
		});
		const result = deserialize(await res.text());
		if (result.type === 'success') return { ok: true, revealed: Number(result.data?.revealed ?? 0) };
		if (result.type === 'failure' && result.data?.message) return { ok: false, message: String(result.data.message) };
	} catch {
		// Offline, or an answer that is not the action's: no message of the server's to show.
	}
	return { ok: false, message: null };
}
