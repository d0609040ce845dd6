import * as v from 'valibot';

// The format of the exercise files in `exercises/<id>.yaml`. Isomorphic: the browser imports
// the types and constants; only the loader under `$lib/server/exercises` reads files.
// Checks that span several fields (unique keys, scores inside the scale …) live in the loader.

/** The languages every text is written in; Chinese first. */
export const LOCALES = ['zh-CN', 'en'] as const;
/** One of the supported languages. */
export type Locale = (typeof LOCALES)[number];

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('expected a non-empty text'));
const key = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected a key of lowercase letters, digits, "-" or "_"'),
	// The boards read keys of up to 64 characters (and would drop a longer one without a word).
	v.maxLength(64, 'expected a key of at most 64 characters')
);
const wholeNumber = (min: number, max: number) =>
	v.pipe(
		v.number(),
		v.integer(`expected a whole number from ${min} to ${max}`),
		v.minValue(min, `expected a whole number from ${min} to ${max}`),
		v.maxValue(max, `expected a whole number from ${min} to ${max}`)
	);

/** A text a person reads, in every locale. */
export const LocalizedSchema = v.strictObject({
	'zh-CN': text, // Simplified Chinese, the language of the classroom
	en: text // English
});
export type Localized = v.InferOutput<typeof LocalizedSchema>;

/** The text of `l` in `locale`, falling back to the other language if that one is empty. */
export function localize(l: Localized, locale: Locale): string {
	return l[locale] || l['zh-CN'] || l.en;
}

/** The course topics an exercise belongs to, in the order of the programme. */
export const TOPICS = [
	{ key: 'market', title: { 'zh-CN': '把控市场', en: 'Market' } },
	{ key: 'sales', title: { 'zh-CN': '客户开发与销售', en: 'Sales & customer development' } },
	{ key: 'service', title: { 'zh-CN': '揽投服务营销', en: 'Customer service' } },
	{ key: 'cost', title: { 'zh-CN': '降本增效', en: 'Cost & efficiency' } }
] as const satisfies readonly { key: string; title: Localized }[];
/** A course topic key. */
export type Topic = (typeof TOPICS)[number]['key'];
const TOPIC_KEYS = TOPICS.map((t) => t.key) as [Topic, ...Topic[]];

/** The activity kinds an exercise can run. */
export const EXERCISE_KINDS = ['fishbone', 'pest', 'spin-roleplay', 'moments-of-truth'] as const;

/** The phases a facilitator drives, with the title the UI shows when a phase has none. */
export const PHASES = [
	{ key: 'brief', title: { 'zh-CN': '布置任务', en: 'Brief' } },
	{ key: 'work', title: { 'zh-CN': '小组研讨', en: 'Group work' } },
	{ key: 'present', title: { 'zh-CN': '小组汇报', en: 'Presentations' } },
	{ key: 'score', title: { 'zh-CN': '评分', en: 'Scoring' } },
	{ key: 'debrief', title: { 'zh-CN': '点评总结', en: 'Debrief' } }
] as const satisfies readonly { key: string; title: Localized }[];
/** A phase key. */
export type PhaseKey = (typeof PHASES)[number]['key'];
const PHASE_KEYS = PHASES.map((p) => p.key) as [PhaseKey, ...PhaseKey[]];

/** One step of an exercise, driven by the facilitator. */
export const PhaseSchema = v.strictObject({
	key: v.picklist(PHASE_KEYS), // which step; a key appears once per exercise
	minutes: wholeNumber(1, 240), // suggested length, for the timer
	title: v.optional(LocalizedSchema), // overrides the default title of the key
	note: v.optional(LocalizedSchema), // one line the projector shows under the phase title
	private: v.optional(v.boolean(), false) // silent brainstorming: notes hidden until revealed
});
export type Phase = v.InferOutput<typeof PhaseSchema>;

/** The title of a phase: its own, or the default for its key. */
export function phaseTitle(phase: Phase, locale: Locale): string {
	const fallback = PHASES.find((p) => p.key === phase.key)?.title;
	return localize(phase.title ?? fallback ?? { 'zh-CN': phase.key, en: phase.key }, locale);
}

/** One described mark of a criterion. */
export const RubricLevelSchema = v.strictObject({
	score: v.pipe(v.number(), v.integer('expected a whole number')), // inside the scale, increasing
	description: LocalizedSchema // what a group does to earn it
});

/** One thing the presentations are scored on. */
export const CriterionSchema = v.strictObject({
	key: key, // unique within the rubric
	title: LocalizedSchema, // short name shown on the scoring panel
	description: v.optional(LocalizedSchema), // what the criterion looks at
	weight: v.pipe(
		v.number(),
		v.gtValue(0, 'expected a number greater than 0'),
		v.maxValue(100, 'expected a number up to 100')
	), // relative weight among the criteria
	levels: v.pipe(v.array(RubricLevelSchema), v.minLength(2, 'expected at least 2 levels')) // anchors
});
export type Criterion = v.InferOutput<typeof CriterionSchema>;

/** How the trainer, and optionally the other groups, score a presentation. */
export const RubricSchema = v.strictObject({
	scale: v.strictObject({
		min: wholeNumber(0, 100), // lowest mark
		max: wholeNumber(1, 100) // highest mark, above min
	}),
	peer_weight: v.pipe(
		v.number(),
		v.minValue(0, 'expected a number from 0 to 1'),
		v.maxValue(1, 'expected a number from 0 to 1')
	), // share of peer marks in the final score; 0 disables peer scoring
	criteria: v.pipe(
		v.array(CriterionSchema),
		v.minLength(1, 'expected at least 1 criterion'),
		v.maxLength(8, 'expected at most 8 criteria')
	)
});
export type Rubric = v.InferOutput<typeof RubricSchema>;

// ---- pest -------------------------------------------------------------------------------

/** The four PEST quadrants. */
export const PEST_KEYS = ['P', 'E', 'S', 'T'] as const;

/** PEST board: notes per quadrant, each an opportunity or a threat with an impact weight. */
export const PestBoardSchema = v.strictObject({
	quadrants: v.array(
		v.strictObject({
			key: v.picklist(PEST_KEYS), // P, E, S and T each exactly once
			title: LocalizedSchema, // e.g. 政治 Politics
			prompt: LocalizedSchema // the question the course asks of the quadrant
		})
	),
	votes_per_participant: wholeNumber(1, 20), // dots each person puts on opportunities
	weight_scale: wholeNumber(2, 10) // impact weight of a note runs from 1 to this
});
export type PestBoard = v.InferOutput<typeof PestBoardSchema>;

// ---- fishbone ---------------------------------------------------------------------------

/** One bone of the fish: a family of causes. */
export const FishboneBoneSchema = v.strictObject({
	key: key, // unique within the board
	title: LocalizedSchema, // e.g. 人效 People efficiency
	hint: LocalizedSchema // typical measures, shown as a prompt on the bone
});
export type FishboneBone = v.InferOutput<typeof FishboneBoneSchema>;

/** The five bones of the course (降本增效 unit): 人效 机效 料效 法效 环效. */
export const FISHBONE_DEFAULT_BONES: readonly FishboneBone[] = [
	{
		key: 'people',
		title: { 'zh-CN': '人效', en: 'People efficiency' },
		hint: {
			'zh-CN': '组织精简、用工模式、调节工作量',
			en: 'Leaner organisation, staffing models, balancing workload'
		}
	},
	{
		key: 'machine',
		title: { 'zh-CN': '机效', en: 'Machine efficiency' },
		hint: {
			'zh-CN': '机器代替人、电代替油、设备满负荷运转',
			en: 'Machines instead of hands, electric instead of fuel, equipment at full load'
		}
	},
	{
		key: 'material',
		title: { 'zh-CN': '料效', en: 'Material efficiency' },
		hint: {
			'zh-CN': '提高揽投、运输、分拣效率',
			en: 'Faster pickup and delivery, transport and sorting'
		}
	},
	{
		key: 'method',
		title: { 'zh-CN': '法效', en: 'Method efficiency' },
		hint: {
			'zh-CN': '流程优化、自动化改进、智能化引进',
			en: 'Process redesign, automation, smart systems'
		}
	},
	{
		key: 'environment',
		title: { 'zh-CN': '环效', en: 'Network efficiency' },
		hint: {
			'zh-CN': '网络与线路优化、合理布局、目视管理',
			en: 'Network and route optimisation, layout, visual management'
		}
	}
];

/** Fishbone board: causes on bones, sub-causes, countermeasures, then a voted short-list. */
export const FishboneBoardSchema = v.strictObject({
	problem: LocalizedSchema, // the head of the fish: one cost problem
	bones: v.optional(
		v.pipe(
			v.array(FishboneBoneSchema),
			v.minLength(2, 'expected at least 2 bones'),
			v.maxLength(8, 'expected at most 8 bones')
		),
		() => structuredClone(FISHBONE_DEFAULT_BONES) as FishboneBone[]
	), // defaults to the five bones of the course
	votes_per_participant: v.optional(wholeNumber(1, 20), 3), // dots each person puts on countermeasures
	top_measures: v.optional(wholeNumber(1, 10), 5), // length of the ranked short-list the group ends with
	trace_steps: v.optional(
		v.pipe(
			v.array(LocalizedSchema),
			v.minLength(2, 'expected at least 2 steps'),
			v.maxLength(8, 'expected at most 8 steps')
		)
	) // when paired with 对标对表数据溯源: its steps, shown as a checklist beside the fish
});
export type FishboneBoard = v.InferOutput<typeof FishboneBoardSchema>;

// ---- spin-roleplay ----------------------------------------------------------------------

/** The four personality types of the course (表现型 友善型 控制型 分析型). */
export const PERSONA_KEYS = ['expressive', 'amiable', 'driver', 'analytical'] as const;
/** A personality type key. */
export type PersonaKey = (typeof PERSONA_KEYS)[number];

/** The SPIN question types the observer classifies every question into. */
export const SPIN_QUESTION_TYPES = [
	{ key: 'S', title: { 'zh-CN': '背景问题', en: 'Situation' } },
	{ key: 'P', title: { 'zh-CN': '难点问题', en: 'Problem' } },
	{ key: 'I', title: { 'zh-CN': '暗示问题', en: 'Implication' } },
	{ key: 'N', title: { 'zh-CN': '需求-效益问题', en: 'Need-payoff' } }
] as const satisfies readonly { key: string; title: Localized }[];

const RoleSchema = v.strictObject({
	title: LocalizedSchema, // e.g. 销售方 Salesperson
	brief: LocalizedSchema // what the player of this role does, shown to that player
});

/** A customer personality type the customer player acts out. */
export const PersonaSchema = v.strictObject({
	key: v.picklist(PERSONA_KEYS), // unique within the board
	title: LocalizedSchema, // e.g. 分析型 Analytical
	traits: LocalizedSchema, // how to play it: pace, tone, what this customer cares about
	closing: v.optional(LocalizedSchema) // how a salesperson moves this type to a decision (debrief)
});
export type Persona = v.InferOutput<typeof PersonaSchema>;

/** One scenario card. */
export const ScenarioSchema = v.strictObject({
	key: key, // unique within the board
	segment: v.picklist(['2B', '2C']), // business or consumer customer
	title: LocalizedSchema, // the card's name
	role_titles: v.optional(
		v.strictObject({
			salesperson: LocalizedSchema, // e.g. 银行工作人员 bank clerk
			customer: LocalizedSchema // e.g. 银行客户 bank customer
		})
	), // names of the two roles in this scene, when not salesperson/customer
	public_brief: LocalizedSchema, // what the salesperson knows before the meeting
	customer_brief: v.strictObject({
		persona: v.picklist(PERSONA_KEYS), // the personality type to play, one of board.personas
		situation: LocalizedSchema, // the customer's facts and circumstances
		needs: LocalizedSchema, // real needs, revealed only to good questions
		objections: v.pipe(v.array(LocalizedSchema), v.minLength(1, 'expected at least 1 objection')), // to raise
		agree_if: v.optional(LocalizedSchema) // what it takes for the customer to agree to a next step
	}) // hidden: sent to the customer player only
});
export type Scenario = v.InferOutput<typeof ScenarioSchema>;

/** SPIN role-play board: trios rotate salesperson / customer / observer over scenario cards. */
export const SpinBoardSchema = v.strictObject({
	roles: v.strictObject({
		salesperson: RoleSchema, // asks S/P/I/N questions, handles objections, asks for a next step
		customer: RoleSchema, // plays the hidden brief and persona
		observer: RoleSchema // logs each question by type and each objection with its handling
	}),
	personas: v.pipe(v.array(PersonaSchema), v.minLength(1, 'expected at least 1 persona')), // types in play
	scenarios: v.pipe(v.array(ScenarioSchema), v.minLength(1, 'expected at least 1 scenario')), // the cards
	round_minutes: wholeNumber(3, 60), // length of one conversation before roles rotate
	rounds: v.optional(wholeNumber(1, 6), 3) // rotations, so that each member plays each role
});
export type SpinBoard = v.InferOutput<typeof SpinBoardSchema>;

// ---- moments-of-truth -------------------------------------------------------------------

/** Moments-of-truth board: per contact tool or touchpoint, four answers and a point on a curve. */
export const MotBoardSchema = v.strictObject({
	variant: v.picklist(['tools', 'touchpoints651']), // one contact tool per group, or the six scenes of 651
	customer_prompt: v.optional(LocalizedSchema), // asks the group to define the customer it plays for
	tools: v.pipe(
		v.array(
			v.strictObject({
				key: key, // unique within the board
				title: LocalizedSchema, // e.g. 海报 poster, 揽件 pickup
				hint: v.optional(LocalizedSchema) // an example that gets the group started
			})
		),
		v.minLength(1, 'expected at least 1 tool'),
		v.maxLength(12, 'expected at most 12 tools')
	), // contact tools (variant tools) or touchpoint scenes (variant touchpoints651)
	steps: v.optional(
		v.pipe(
			v.array(v.strictObject({ key: key, title: LocalizedSchema })),
			v.minLength(1, 'expected at least 1 step'),
			v.maxLength(8, 'expected at most 8 steps')
		)
	), // the five steps of service selling the 651 standards are written for
	questions: v.pipe(
		v.array(LocalizedSchema),
		v.minLength(1, 'expected at least 1 question'),
		v.maxLength(8, 'expected at most 8 questions')
	), // asked of every tool or scene, in order
	curve: v.strictObject({
		min: wholeNumber(-10, 10), // worst experience (expectation clashes with reality)
		max: wholeNumber(-10, 10), // best experience (a moment of truth that delights)
		labels: v.optional(v.strictObject({ min: LocalizedSchema, max: LocalizedSchema })) // axis ends
	}) // the customer experience curve the group rates each tool or scene on
});
export type MotBoard = v.InferOutput<typeof MotBoardSchema>;

// ---- the exercise -----------------------------------------------------------------------

const common = {
	topic: v.picklist(TOPIC_KEYS), // course topic, see TOPICS
	title: LocalizedSchema, // name in the library and on the projector
	goal: LocalizedSchema, // one sentence: what the groups come out with
	instructions: LocalizedSchema, // the task as the trainer briefs it, a few sentences
	duration_minutes: wholeNumber(5, 480), // suggested total, at least the sum of the phases
	phases: v.pipe(
		v.array(PhaseSchema),
		v.minLength(1, 'expected at least 1 phase'),
		v.maxLength(PHASES.length, `expected at most ${PHASES.length} phases`)
	), // driven in order; each key at most once
	rubric: RubricSchema // how presentations are scored
};

/** A fishbone cost analysis (鱼骨头分析法). */
export const FishboneExerciseSchema = v.strictObject({
	kind: v.literal('fishbone'),
	...common,
	board: FishboneBoardSchema
});
/** A PEST board (PEST法则). */
export const PestExerciseSchema = v.strictObject({
	kind: v.literal('pest'),
	...common,
	board: PestBoardSchema
});
/** A SPIN(A) role-play in trios. */
export const SpinExerciseSchema = v.strictObject({
	kind: v.literal('spin-roleplay'),
	...common,
	board: SpinBoardSchema
});
/** The moments-of-truth game (关键时刻), tools or 651 variant. */
export const MotExerciseSchema = v.strictObject({
	kind: v.literal('moments-of-truth'),
	...common,
	board: MotBoardSchema
});

/** The content of one exercise file, discriminated on `kind`. */
export const ExerciseDefinitionSchema = v.variant('kind', [
	FishboneExerciseSchema,
	PestExerciseSchema,
	SpinExerciseSchema,
	MotExerciseSchema
]);
/** An exercise as written in its file (no id: the file name is the id). */
export type ExerciseDefinition = v.InferOutput<typeof ExerciseDefinitionSchema>;
/** A validated exercise of the library; `id` is its file name without extension. */
export type Exercise = ExerciseDefinition & { id: string };
/** One of the activity kinds. */
export type ExerciseKind = Exercise['kind'];
/** The exercise type of one kind, e.g. `ExerciseOf<'pest'>`. */
export type ExerciseOf<K extends ExerciseKind> = Extract<Exercise, { kind: K }>;
/** The board settings of one kind, e.g. `BoardOf<'fishbone'>` is `FishboneBoard`. */
export type BoardOf<K extends ExerciseKind> = ExerciseOf<K>['board'];

// EXERCISE_KINDS and the variant above must list the same kinds.
const kindsMatch: [ExerciseKind] extends [(typeof EXERCISE_KINDS)[number]]
	? [(typeof EXERCISE_KINDS)[number]] extends [ExerciseKind]
		? true
		: never
	: never = true;
void kindsMatch;
