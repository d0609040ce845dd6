import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// Browsers ask for /favicon.ico whatever the page links to; send them to the icon there is,
// rather than logging a 404 for every first visit.
export const GET = (() => redirect(301, '/favicon.svg')) satisfies RequestHandler;
