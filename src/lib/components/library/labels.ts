import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { EXERCISE_KINDS, TOPICS, localize, type Locale, type Localized } from '$lib/exercises/schema';

// Names the library shows for kinds and topics, and the UI locale's text of a bilingual field.

const KIND_LABELS: Record<(typeof EXERCISE_KINDS)[number], () => string> = {
	fishbone: m.library_kind_fishbone,
	pest: m.library_kind_pest,
	'spin-roleplay': m.library_kind_spin,
	'moments-of-truth': m.library_kind_mot
};

/** The UI locale, as the exercise schema names it. */
export function uiLocale(): Locale {
	return getLocale() === 'en' ? 'en' : 'zh-CN';
}

/** The UI locale's text of a bilingual exercise field. */
export function tr(l: Localized): string {
	return localize(l, uiLocale());
}

/** The name of an activity kind in the UI language (the kind key itself if unknown). */
export function kindLabel(kind: string): string {
	return (KIND_LABELS as Record<string, (() => string) | undefined>)[kind]?.() ?? kind;
}

/** The name of a course topic in the UI language (the key itself if unknown). */
export function topicLabel(topic: string): string {
	const t = TOPICS.find((x) => x.key === topic);
	return t ? tr(t.title) : topic;
}
