import * as db from '../db';
import { authorize } from './authorize';
import { createCollabServer } from './server';
import { SqliteStorage } from './sqlite-storage';

type Collab = ReturnType<typeof createCollabServer>;
const KEY = Symbol.for('huddle.collab');
type Holder = { [KEY]?: Collab };

/** The process-wide collaboration server over the app's database, created on first use. */
export function get(): Collab {
	const holder = globalThis as Holder;
	holder[KEY] ??= createCollabServer({ storage: new SqliteStorage(db.get().$client), authorize });
	return holder[KEY];
}

/** Closes the collaboration server if it was started (on shutdown). */
export async function shutdown(): Promise<void> {
	const holder = globalThis as Holder;
	const collab = holder[KEY];
	delete holder[KEY];
	await collab?.shutdown();
}
