import { eq, inArray } from 'drizzle-orm';
import * as db from './db';
import { groupCommit } from './db/group-commit';
import { activity, group, participant, workshop, yjsUpdate, type Workshop } from './db/schema';
import { newId } from './ids';
import { unusedJoinCode } from './workshops';

// A facilitator's history of workshops: archive, duplicate as a template, delete for good.

/** Moves a workshop into the archive (or back out of it with `archived = false`). */
export function setArchived(workshopId: string, archived: boolean, now = new Date()): void {
	db.get()
		.update(workshop)
		.set({ archivedAt: archived ? now : null })
		.where(eq(workshop.id, workshopId))
		.run();
}

/** The title of a copy, in the workshop's language. */
export function copyTitle(w: Pick<Workshop, 'title' | 'language'>): string {
	return `${w.title}${w.language === 'en' ? ' (copy)' : ' (副本)'}`;
}

/**
 * A new draft workshop for the next class: the same title (marked as a copy), language, report
 * target, groups and agenda, each activity with the definition it was stored with (not the
 * library's current one), a new join code, and no participants, boards, scores or reports.
 */
export function duplicate(source: Workshop, now = new Date()): Workshop {
	return db.get().transaction((tx) => {
		const code = unusedJoinCode(tx);
		const copy: Workshop = {
			id: newId(),
			ownerId: source.ownerId,
			title: copyTitle(source),
			language: source.language,
			joinCode: code,
			status: 'draft',
			scheduledFor: null,
			reportTarget: source.reportTarget,
			endedAt: null,
			archivedAt: null,
			createdAt: now
		};
		tx.insert(workshop).values(copy).run();
		for (const g of tx.select().from(group).where(eq(group.workshopId, source.id)).all()) {
			tx.insert(group).values({ id: newId(), workshopId: copy.id, position: g.position, name: g.name, colour: g.colour, locked: false }).run();
		}
		for (const a of tx.select().from(activity).where(eq(activity.workshopId, source.id)).all()) {
			tx.insert(activity)
				.values({ id: newId(), workshopId: copy.id, position: a.position, exerciseId: a.exerciseId, kind: a.kind, definition: a.definition, createdAt: now })
				.run();
		}
		return copy;
	});
}

/**
 * Names of every Yjs document that belongs to a workshop: a stored document belongs to it when
 * one of the dot-separated parts of its name is the id of the workshop or of one of its
 * activities, groups or participants. Ids are 80-bit random, so this catches every document
 * kind (live state, boards, private notes, and any added later) and nothing else.
 */
export function docsOf(workshopId: string): string[] {
	const d = db.get();
	const ids = new Set<string>([workshopId]);
	for (const table of [activity, group, participant]) {
		for (const row of d.select({ id: table.id }).from(table).where(eq(table.workshopId, workshopId)).all()) ids.add(row.id);
	}
	const names = d.$client.prepare<[], { doc: string }>('SELECT DISTINCT doc FROM yjs_update').all();
	return names.map((r) => r.doc).filter((doc) => doc.split('.').some((part) => ids.has(part)));
}

/** Deletes the stored updates of `docs`; returns how many rows went. */
export function deleteDocs(docs: string[]): number {
	let deleted = 0;
	const d = db.get();
	// In chunks: SQLite limits the number of bound parameters.
	for (let i = 0; i < docs.length; i += 500) {
		deleted += d.delete(yjsUpdate).where(inArray(yjsUpdate.doc, docs.slice(i, i + 500))).run().changes;
	}
	return deleted;
}

/**
 * Deletes a workshop and everything of it: participants, groups, activities, scores, reviews,
 * role assignments, reports and snapshots (by the schema's cascades) and the Yjs documents
 * (by name), in one transaction. Deleted pages are zeroed on disk (secure_delete) and the
 * write-ahead log is checkpointed, so the content does not linger in the file. Returns the
 * names of the documents, which the caller deletes again once open rooms have closed.
 */
export function remove(workshopId: string): string[] {
	const d = db.get();
	const client = d.$client;
	const docs = docsOf(workshopId);
	const secure = client.pragma('secure_delete', { simple: true });
	client.pragma('secure_delete = ON');
	try {
		d.transaction(() => {
			deleteDocs(docs);
			d.delete(workshop).where(eq(workshop.id, workshopId)).run();
		});
	} finally {
		client.pragma(`secure_delete = ${secure ? 'ON' : 'OFF'}`);
	}
	try {
		// A checkpoint cannot run inside the collaboration server's grouped transaction.
		groupCommit(client).flush();
		client.pragma('wal_checkpoint(TRUNCATE)');
	} catch (error) {
		// A busy reader (a running backup) delays the checkpoint; SQLite checkpoints again later.
		console.warn('workshop delete: checkpoint postponed', error);
	}
	return docs;
}
