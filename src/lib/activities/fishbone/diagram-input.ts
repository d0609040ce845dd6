/**
 * Turns a fishbone view into what the diagram draws: bone titles, causes and a short line of
 * marks per cause (has a countermeasure, votes, place in the short-list) in the reader's language.
 */
import * as m from '$lib/paraglide/messages';
import type { Locale } from '../types';
import type { FishboneView } from './board.svelte';
import { MARK_SEPARATOR, type DiagramBone, type DiagramCause } from './layout';
import type { Cause } from './model';

/** The diagram's bones for `view` in `locale`. */
export function diagramBones(view: FishboneView, locale: Locale): DiagramBone[] {
	const votes = new Map(view.measures.ranked.map((x) => [x.id, x.votes]));
	const places = new Map(view.measures.shortlist.map((x, i) => [x.id, i + 1]));
	const mark = (c: Cause) => {
		const count = votes.get(c.id) ?? 0;
		const place = places.get(c.id);
		return [
			place ? m.fishbone_mark_place({ place }, { locale }) : '',
			c.countermeasure ? m.fishbone_mark_counter({}, { locale }) : '',
			count > 0 ? m.fishbone_mark_votes({ count }, { locale }) : ''
		]
			.filter(Boolean)
			.join(MARK_SEPARATOR);
	};
	const toDiagram = (c: Cause): DiagramCause => ({
		id: c.id,
		text: c.text,
		mark: mark(c),
		children: c.children.map(toDiagram)
	});
	const byBone = view.byBone;
	return view.bones(locale).map((b) => ({
		key: b.key,
		title: b.title,
		hint: b.hint,
		causes: (byBone[b.key] ?? []).map(toDiagram)
	}));
}
