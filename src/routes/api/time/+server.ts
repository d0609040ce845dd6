import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The server's clock, so every device can count down against the same time. */
export const GET: RequestHandler = () =>
	json({ now: Date.now() }, { headers: { 'cache-control': 'no-store' } });
