import { and, asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import * as db from './db';
import { activity, group, review, score, type Activity, type Group } from './db/schema';
import * as reflections from './reflections';
import { publicDefinition } from './roleplay';
import * as revisit from './revisit';
import * as snapshots from './snapshots';
import { LocalizedSchema, RubricSchema, type Localized } from '../exercises/schema';

// What a participant sees when they come back: only their own workshop, their own group's boards
// (as snapshotted at the end), that group's scores and feedback, and their own report.

/** One criterion's mark from one scorer. */
export type Mark = { key: string; title: Localized; value: number | null; min: number; max: number; comment: string; level: Localized | null };
/** One scorer's marks for the group's presentation. */
export type ScoreView = { scorer: 'facilitator' | 'group'; scorerGroup: string | null; marks: Mark[]; comment: string };
/** One activity of the recap. */
export type RecapActivity = {
	id: string;
	kind: string;
	title: Localized | null;
	/** The kind's board definition, for its Summary. */
	board: unknown;
	/** The group's board as it ended, base64; null before the workshop has ended. */
	snapshot: string | null;
	scores: ScoreView[];
	reviews: { from: string; body: string }[];
};
/** Everything the recap page shows. */
export type Recap = ReturnType<typeof build>;

const Titled = v.object({ title: LocalizedSchema });

function titleOf(definition: unknown): Localized | null {
	const parsed = v.safeParse(Titled, definition);
	return parsed.success ? parsed.output.title : null;
}

function boardOf(definition: unknown): unknown {
	return definition && typeof definition === 'object' ? (definition as { board?: unknown }).board : undefined;
}

function scoresOf(a: Activity, groupId: string, groups: Map<string, Group>): ScoreView[] {
	const rubric = v.safeParse(RubricSchema, (a.definition as { rubric?: unknown } | null)?.rubric);
	const rows = db.get().select().from(score).where(and(eq(score.activityId, a.id), eq(score.groupId, groupId))).orderBy(asc(score.createdAt)).all();
	// The facilitator's score first, then the peers' in group order.
	rows.sort((x, y) => (x.scorerKind === y.scorerKind ? (groups.get(x.scorerGroupId ?? '')?.position ?? 0) - (groups.get(y.scorerGroupId ?? '')?.position ?? 0) : x.scorerKind === 'facilitator' ? -1 : 1));
	return rows.map((row) => {
		const marks = row.marks && typeof row.marks === 'object' ? row.marks : {};
		const comments = row.comments && typeof row.comments === 'object' ? row.comments : {};
		const criteria = rubric.success
			? rubric.output.criteria.map((c) => ({ key: c.key, title: c.title, levels: c.levels }))
			: Object.keys(marks).map((key) => ({ key, title: { 'zh-CN': key, en: key }, levels: [] as { score: number; description: Localized }[] }));
		return {
			scorer: row.scorerKind,
			scorerGroup: row.scorerGroupId ? (groups.get(row.scorerGroupId)?.name ?? null) : null,
			comment: typeof row.comment === 'string' ? row.comment : '',
			marks: criteria.map((c) => {
				const value = typeof marks[c.key] === 'number' ? marks[c.key] : null;
				return {
					key: c.key,
					title: c.title,
					value,
					min: rubric.success ? rubric.output.scale.min : 0,
					max: rubric.success ? rubric.output.scale.max : 0,
					comment: typeof comments[c.key] === 'string' ? comments[c.key] : '',
					level: c.levels.find((l) => l.score === value)?.description ?? null
				};
			})
		};
	});
}

function reviewsOf(a: Activity, groupId: string, groups: Map<string, Group>) {
	// Crosswise reviews reach the reviewed group only once the facilitator has released them.
	if (!a.reviewsReleasedAt) return [];
	return db
		.get()
		.select()
		.from(review)
		.where(and(eq(review.activityId, a.id), eq(review.targetGroupId, groupId)))
		.all()
		.filter((r) => r.body.trim())
		.map((r) => ({ from: groups.get(r.reviewerGroupId)?.name ?? '', body: r.body }));
}

/** The recap of the participant a revisit code belongs to. */
export function build(found: revisit.Found) {
	const { participant: p, workshop: w } = found;
	const d = db.get();
	const groups = new Map(d.select().from(group).where(eq(group.workshopId, w.id)).all().map((g) => [g.id, g]));
	const mine = p.groupId ? (groups.get(p.groupId) ?? null) : null;
	const ended = w.status === 'ended';
	const boards = mine ? snapshots.forGroup(w.id, mine.id) : new Map();
	const activities: RecapActivity[] = d
		.select()
		.from(activity)
		.where(eq(activity.workshopId, w.id))
		.orderBy(asc(activity.position))
		.all()
		.map((a) => {
			const snap = boards.get(a.id);
			return {
				id: a.id,
				kind: a.kind,
				title: titleOf(a.definition),
				// Role-play briefs stay hidden afterwards too: a recap is seen by every member.
				board: boardOf(publicDefinition(a.kind, a.definition)),
				snapshot: snap ? Buffer.from(snap.state).toString('base64') : null,
				// Scores and feedback are the group's results: shown once the workshop is over.
				scores: mine && ended ? scoresOf(a, mine.id, groups) : [],
				reviews: mine && ended ? reviewsOf(a, mine.id, groups) : []
			};
		});
	const r = reflections.get(p.id);
	const code = revisit.codeFor(p);
	return {
		code,
		codeFormatted: revisit.format(code),
		workshop: { title: w.title, status: w.status, scheduledFor: w.scheduledFor, endedAt: w.endedAt?.getTime() ?? null, reportTarget: w.reportTarget },
		me: { name: p.displayName },
		group: mine ? { name: mine.name, colour: mine.colour } : null,
		activities,
		reflection: {
			body: r.body,
			submittedAt: r.submittedAt?.getTime() ?? null,
			updatedAt: r.updatedAt.getTime(),
			comment: r.facilitatorComment,
			commentedAt: r.commentedAt?.getTime() ?? null
		}
	};
}
