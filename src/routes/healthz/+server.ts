import { json } from '@sveltejs/kit';
import * as db from '$lib/server/db';
import { writeProblem } from '$lib/server/db/health';
import type { RequestHandler } from './$types';

/**
 * Liveness and readiness: 200 when the app answers and the database can be read and written.
 * The reason for a 503 goes to the log; callers are anonymous.
 */
export const GET: RequestHandler = () => {
	try {
		const client = db.get().$client;
		client.prepare('select 1').get();
		const problem = writeProblem(client);
		if (problem) {
			console.error(`healthz: the database cannot be written: ${problem}`);
			return json({ status: 'error', database: 'not writable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
		}
		return json({ status: 'ok', database: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		console.error('healthz: the database cannot be read', error);
		return json({ status: 'error', database: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
