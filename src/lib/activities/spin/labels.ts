/** Names of roles and question types in the user's language: the definition's, else built-in. */
import * as m from '$lib/paraglide/messages';
import type { Locale } from '../types';
import { tr, type PublicScenario, type SpinDefinition } from './definition';
import type { QuestionType, Role } from './types';

const ROLE_FALLBACK: Record<Role, (locale: Locale) => string> = {
	salesperson: (locale) => m.spin_role_salesperson({}, { locale }),
	customer: (locale) => m.spin_role_customer({}, { locale }),
	observer: (locale) => m.spin_role_observer({}, { locale })
};

const TYPE_TITLE: Record<QuestionType, (locale: Locale) => string> = {
	S: (locale) => m.spin_type_s({}, { locale }),
	P: (locale) => m.spin_type_p({}, { locale }),
	I: (locale) => m.spin_type_i({}, { locale }),
	N: (locale) => m.spin_type_n({}, { locale })
};

/** A role's title: the card's name for it (e.g. 银行工作人员), the exercise's, or the built-in one. */
export function roleTitle(role: Role, definition: SpinDefinition, scenario: PublicScenario | undefined, locale: Locale): string {
	const fromCard = role !== 'observer' ? tr(scenario?.roleTitles?.[role], locale) : '';
	return fromCard || tr(definition.roles[role].title, locale) || ROLE_FALLBACK[role](locale);
}

/** The title of a question type, e.g. 暗示问题. */
export function typeTitle(type: QuestionType, locale: Locale): string {
	return TYPE_TITLE[type](locale);
}

/** A scenario card of the definition by key. */
export function scenarioOf(definition: SpinDefinition, key: string | null | undefined): PublicScenario | undefined {
	return key ? definition.scenarios.find((s) => s.key === key) : undefined;
}
