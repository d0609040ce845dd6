import { json } from '@sveltejs/kit';
import * as db from '$lib/server/db';
import type { RequestHandler } from './$types';

/** Liveness and readiness: 200 when the app answers and the database can be read. */
export const GET: RequestHandler = () => {
	try {
		db.get().$client.prepare('select 1').get();
		return json({ status: 'ok', database: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		return json({ status: 'error', database: String(error) }, { status: 503 });
	}
};
