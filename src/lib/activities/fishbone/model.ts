/**
 * The fishbone board's shared document: causes on bones, sub-causes, countermeasures and the
 * 对标对表 trace checklist. Votes and the ranked short-list live in `measures.ts`.
 *
 * Layout of the document:
 * - `causes`: Y.Map<Y.Map> keyed by a random id; each holds `bone` (a bone key), `parent` (''
 *   for a cause, the id of a cause for a sub-cause), `text`, `countermeasure`, `author`,
 *   `createdAt` and `order`.
 * - `votes`: Y.Map<number> keyed `${causeId}:${voterKey}`, the value the time of the vote.
 * - `picks`: Y.Map<number> keyed by cause id, the value its place in the group's short-list.
 * - `trace`: Y.Map<string> keyed by the step's index ('0', '1' …), the group's note for it.
 *
 * Any client may write anything into the document, so every read validates what it finds and
 * skips or neutralises garbage instead of trusting it.
 */
import * as Y from 'yjs';

/** Longest cause, countermeasure or trace note, in characters. */
export const MAX_TEXT = 300;
/** Longest author name kept on a cause. */
export const MAX_AUTHOR = 80;
/** Most causes and sub-causes a board accepts; more would not be legible on any screen. */
export const MAX_CAUSES = 150;
/** Most items read from a document, so a flooded document cannot stall a tablet. */
const MAX_READ = 400;

/** A cause or sub-cause as read from the document, validated. */
export interface Cause {
	id: string;
	/** The bone it hangs on (a sub-cause always shows on its parent's bone). */
	bone: string;
	/** The cause it explains, or null for a cause on the bone itself. */
	parent: string | null;
	text: string;
	countermeasure: string;
	author: string;
	createdAt: number;
	order: number;
	/** Sub-causes, in display order (always empty for a sub-cause). */
	children: Cause[];
}

type CauseMap = Y.Map<unknown>;

/** The map of all causes in a document. */
export function causesMap(doc: Y.Doc): Y.Map<CauseMap> {
	return doc.getMap<CauseMap>('causes');
}

/** The map of the trace checklist's notes in a document. */
export function traceMap(doc: Y.Doc): Y.Map<string> {
	return doc.getMap<string>('trace');
}

/** Trims a user text; null when it is empty (unless allowed) or longer than MAX_TEXT. */
export function cleanText(value: unknown, allowEmpty = false): string | null {
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (text.length > MAX_TEXT || (!text && !allowEmpty)) return null;
	return text;
}

/** A new random id: URL-safe and without ':' (vote keys are split on the first ':'). */
function newId(): string {
	const bytes = new Uint8Array(9);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

function finite(value: unknown, fallback = 0): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The raw map of a cause, or null when the id names nothing usable. */
export function causeAt(doc: Y.Doc, id: unknown): CauseMap | null {
	if (typeof id !== 'string' || !id) return null;
	const cause = causesMap(doc).get(id);
	return cause instanceof Y.Map && typeof cause.get('text') === 'string' ? cause : null;
}

/** The order value that puts a new item after every sibling (same bone and parent). */
function nextOrder(doc: Y.Doc, bone: string, parent: string): number {
	let max = 0;
	for (const cause of causesMap(doc).values()) {
		if (!(cause instanceof Y.Map) || cause.get('bone') !== bone || (cause.get('parent') ?? '') !== parent) continue;
		max = Math.max(max, finite(cause.get('order')));
	}
	return max + 1;
}

/** Input for a new cause; `parent` makes it a sub-cause of that cause. */
export interface NewCause {
	bone: string;
	text: string;
	countermeasure?: string;
	parent?: string;
	author?: string;
}

/**
 * Adds a cause (or, with `parent`, a sub-cause on the parent's bone); returns its id, or null when
 * the input is invalid, the parent is not a cause on the board, or the board is full.
 */
export function addCause(doc: Y.Doc, input: NewCause, bones: readonly string[]): string | null {
	const text = cleanText(input.text);
	const countermeasure = cleanText(input.countermeasure ?? '', true);
	if (text === null || countermeasure === null) return null;
	let bone = input.bone;
	let parent = '';
	if (input.parent) {
		const tree = readCauses(doc, bones);
		const owner = tree.find((c) => c.id === input.parent);
		if (!owner) return null;
		bone = owner.bone;
		parent = owner.id;
	}
	if (!bones.includes(bone) || causesMap(doc).size >= MAX_CAUSES) return null;
	const author = typeof input.author === 'string' ? input.author.trim().slice(0, MAX_AUTHOR) : '';
	const id = newId();
	doc.transact(() => {
		const cause: CauseMap = new Y.Map();
		cause.set('bone', bone);
		cause.set('parent', parent);
		cause.set('text', text);
		cause.set('countermeasure', countermeasure);
		cause.set('author', author);
		cause.set('createdAt', Date.now());
		cause.set('order', nextOrder(doc, bone, parent));
		causesMap(doc).set(id, cause);
	});
	return id;
}

/** Replaces a cause's text; false when the cause is missing or the text invalid. */
export function editCause(doc: Y.Doc, id: string, text: string): boolean {
	const cause = causeAt(doc, id);
	const clean = cleanText(text);
	if (!cause || clean === null) return false;
	if (cause.get('text') !== clean) cause.set('text', clean);
	return true;
}

/** Sets a cause's countermeasure (对策); an empty text clears it. */
export function setCountermeasure(doc: Y.Doc, id: string, text: string): boolean {
	const cause = causeAt(doc, id);
	const clean = cleanText(text, true);
	if (!cause || clean === null) return false;
	if (cause.get('countermeasure') !== clean) cause.set('countermeasure', clean);
	return true;
}

/** Moves a cause, with its sub-causes, to the end of another bone. Sub-causes cannot move alone. */
export function moveCause(doc: Y.Doc, id: string, bone: string, bones: readonly string[]): boolean {
	const cause = causeAt(doc, id);
	if (!cause || !bones.includes(bone)) return false;
	const tree = readCauses(doc, bones);
	const node = tree.find((c) => c.id === id);
	if (!node) return false;
	if (node.bone === bone) return true;
	doc.transact(() => {
		cause.set('order', nextOrder(doc, bone, ''));
		cause.set('bone', bone);
		for (const child of node.children) causeAt(doc, child.id)?.set('bone', bone);
	});
	return true;
}

/** Deletes a cause, its sub-causes, and every vote and short-list place they had. */
export function deleteCause(doc: Y.Doc, id: string): boolean {
	if (!causeAt(doc, id)) return false;
	doc.transact(() => {
		const causes = causesMap(doc);
		const gone = [id];
		for (const [other, raw] of causes.entries()) {
			if (raw instanceof Y.Map && raw.get('parent') === id) gone.push(other);
		}
		const votes = doc.getMap<number>('votes');
		const picks = doc.getMap<number>('picks');
		for (const key of gone) {
			causes.delete(key);
			picks.delete(key);
		}
		for (const key of Array.from(votes.keys())) {
			if (gone.some((g) => key.startsWith(`${g}:`))) votes.delete(key);
		}
	});
	return true;
}

/** Reads one cause; null when it is unusable. */
function readOne(id: string, raw: unknown): Cause | null {
	if (!(raw instanceof Y.Map)) return null;
	const bone = raw.get('bone');
	const text = raw.get('text');
	if (typeof bone !== 'string' || typeof text !== 'string') return null;
	const trimmed = text.trim().slice(0, MAX_TEXT);
	if (!trimmed) return null;
	const parent = raw.get('parent');
	const countermeasure = raw.get('countermeasure');
	const author = raw.get('author');
	return {
		id,
		bone,
		parent: typeof parent === 'string' && parent ? parent : null,
		text: trimmed,
		countermeasure: typeof countermeasure === 'string' ? countermeasure.trim().slice(0, MAX_TEXT) : '',
		author: typeof author === 'string' ? author.trim().slice(0, MAX_AUTHOR) : '',
		createdAt: finite(raw.get('createdAt')),
		order: finite(raw.get('order')),
		children: []
	};
}

/** Display order among siblings; deterministic so every peer draws the same fish. */
function byOrder(a: Cause, b: Cause): number {
	return a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Every valid cause on a known bone, in bone order then display order, each with its sub-causes.
 * A sub-cause whose parent is gone (deleted while it was being written) or is itself a sub-cause
 * stands as a cause on its own bone, so nothing a learner typed silently disappears.
 */
export function readCauses(doc: Y.Doc, bones: readonly string[]): Cause[] {
	const map = causesMap(doc);
	// Entry order differs between peers; a flooded document is cut by id so all peers cut alike.
	const ids = map.size > MAX_READ ? Array.from(map.keys()).sort().slice(0, MAX_READ) : Array.from(map.keys());
	const all = new Map<string, Cause>();
	for (const id of ids) {
		const cause = readOne(id, map.get(id));
		if (cause) all.set(id, cause);
	}
	const isRoot = (c: Cause) => c.parent === null || !all.has(c.parent);
	const roots: Cause[] = [];
	const childrenOf = new Map<string, Cause[]>();
	for (const cause of all.values()) {
		const parent = cause.parent === null ? undefined : all.get(cause.parent);
		if (parent && isRoot(parent)) {
			const siblings = childrenOf.get(parent.id);
			if (siblings) siblings.push(cause);
			else childrenOf.set(parent.id, [cause]);
		} else {
			roots.push(cause);
		}
	}
	const result: Cause[] = [];
	for (const bone of bones) {
		for (const root of roots.filter((c) => c.bone === bone).sort(byOrder)) {
			const children = (childrenOf.get(root.id) ?? []).map((c) => ({ ...c, bone })).sort(byOrder);
			result.push({ ...root, parent: null, children });
		}
	}
	return result;
}

/** Causes grouped by bone key, in bone order. */
export function causesByBone(causes: readonly Cause[], bones: readonly string[]): Record<string, Cause[]> {
	const grouped: Record<string, Cause[]> = Object.create(null);
	for (const bone of bones) grouped[bone] = [];
	for (const cause of causes) grouped[cause.bone]?.push(cause);
	return grouped;
}

/** Every cause and sub-cause, flattened in board order (each cause followed by its sub-causes). */
export function flatten(causes: readonly Cause[]): Cause[] {
	return causes.flatMap((c) => [c, ...c.children]);
}

/** Sets the group's note for trace step `index` (0-based, of `steps`); an empty text clears it. */
export function setTraceNote(doc: Y.Doc, index: number, text: string, steps: number): boolean {
	const clean = cleanText(text, true);
	if (clean === null || !Number.isInteger(index) || index < 0 || index >= steps) return false;
	const trace = traceMap(doc);
	if (!clean) trace.delete(String(index));
	else if (trace.get(String(index)) !== clean) trace.set(String(index), clean);
	return true;
}

/** The group's notes for the first `steps` trace steps ('' where none was written). */
export function readTrace(doc: Y.Doc, steps: number): string[] {
	const trace = traceMap(doc);
	return Array.from({ length: Math.max(0, steps) }, (_, i) => {
		const value = trace.get(String(i));
		return typeof value === 'string' ? value.trim().slice(0, MAX_TEXT) : '';
	});
}
