import { onMount } from 'svelte';

/**
 * This browser's time zone as a `?tz=` query for a download (a CSV, a Markdown export), so the
 * file's times read as the page's do: the server may keep another zone. Empty until the page runs
 * here, where the server cannot know it. Call during component initialisation.
 */
export function timeZoneQuery(): { readonly query: string } {
	let zone = $state('');
	onMount(() => (zone = Intl.DateTimeFormat().resolvedOptions().timeZone));
	return {
		get query() {
			return zone ? `?tz=${encodeURIComponent(zone)}` : '';
		}
	};
}
