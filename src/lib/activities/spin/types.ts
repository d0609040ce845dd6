/**
 * The shapes the role-play endpoints answer with, shared by the server module and the board.
 * Isomorphic and import-free of `$lib`, so server code can import it with a relative path.
 */

/** The three roles of a role-play round. */
export const ROLES = ['salesperson', 'customer', 'observer'] as const;
/** One role. */
export type Role = (typeof ROLES)[number];

/** The four SPIN question types, in the order the observer's buttons show them. */
export const QUESTION_TYPES = ['S', 'P', 'I', 'N'] as const;
/** One question type. */
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** How the persona of a round is chosen: the card's own, one named type, or a secret draw. */
export type PersonaChoice = 'card' | 'random' | 'expressive' | 'amiable' | 'driver' | 'analytical';

/** A text in both locales. */
export type LocalizedText = { 'zh-CN': string; en: string };

/** A group's role-play as `GET /api/activities/[id]/roles` describes it. */
export interface RolesState {
	/** The current round, 0 before the first one starts. */
	round: number;
	/** How many rounds the group may play (enough for everyone to sell once). */
	maxRounds: number;
	/** The scenario card of the current round. */
	scenarioKey: string | null;
	/** The persona of the current round: only for the facilitator (it is part of the hidden brief). */
	personaKey: string | null;
	/** The group's members with their role this round (null: joined after the round started). */
	members: { id: string; name: string; role: Role | null }[];
	/** The asking participant's role this round (null for the facilitator or a late joiner). */
	myRole: Role | null;
	/** Whether the asker may start rounds and change the card now. */
	canEdit: boolean;
}

/** The hidden brief of a round's customer, as `GET /api/activities/[id]/brief` serves it. */
export interface CustomerBrief {
	round: number;
	scenarioKey: string;
	/** The card's title, and what the customer is called in this scene. */
	title: LocalizedText;
	customerTitle: LocalizedText | null;
	persona: { key: string; title: LocalizedText; traits: LocalizedText } | null;
	situation: LocalizedText;
	needs: LocalizedText;
	objections: LocalizedText[];
	agreeIf: LocalizedText | null;
}

/** The body of `POST /api/activities/[id]/roles`. */
export type RolesRequest =
	| { action: 'start'; groupId?: string; round: number; scenarioKey: string; persona: PersonaChoice }
	| { action: 'card'; groupId?: string; scenarioKey: string; persona: PersonaChoice }
	| { action: 'redo'; groupId?: string };
