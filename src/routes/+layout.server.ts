import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => ({
	facilitator: locals.facilitator ? { name: locals.facilitator.name, isAdmin: locals.facilitator.isAdmin } : null
})) satisfies LayoutServerLoad;
