import { error, redirect } from '@sveltejs/kit';
import * as workshops from './workshops';

type Locals = App.Locals;

/** The signed-in facilitator, or a redirect to the login page (for loads and actions alike). */
export function facilitator(locals: Locals, url: URL) {
	if (!locals.facilitator) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return locals.facilitator;
}

/** A workshop the signed-in facilitator owns; 404 for anyone else's, so ids reveal nothing. */
export function ownedWorkshop(locals: Locals, url: URL, workshopId: string) {
	const f = facilitator(locals, url);
	const w = workshops.getOwned(f.id, workshopId);
	if (!w) error(404, 'Not found');
	return { facilitator: f, workshop: w };
}

/** The signed-in facilitator if an admin; 403 otherwise. */
export function admin(locals: Locals, url: URL) {
	const f = facilitator(locals, url);
	if (!f.isAdmin) error(403, 'Forbidden');
	return f;
}
