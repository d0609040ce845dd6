// Seeds a database with classrooms the way real ones come about: a facilitator account with a
// session cookie, a live workshop with groups, a board activity, and participants who joined
// (participants.join → cookie). Runs before the server starts, so it owns the file meanwhile.
import * as facilitators from '../../src/lib/server/auth/facilitators';
import * as auth from '../../src/lib/server/auth/session';
import * as db from '../../src/lib/server/db';
import { facilitator } from '../../src/lib/server/db/schema';
import { newId } from '../../src/lib/server/ids';
import * as participants from '../../src/lib/server/participants';
import * as workshops from '../../src/lib/server/workshops';
import { boardDoc, liveDoc } from '../../src/lib/docs';

const PEST = { kind: 'pest', title: { 'zh-CN': 'PEST', en: 'PEST' } };

/** One group's board and who may open it. */
export interface SeededRoom {
	doc: string;
	/** Cookie headers of the group's participants (the tablets). */
	tablets: string[];
	/** Cookie header of the class's facilitator (the console watching this room). */
	watcher: string;
	/** Index of the class the room belongs to. */
	classIndex: number;
}

/** A seeded class: its workshop and rooms. */
export interface SeededClass {
	workshopId: string;
	joinCode: string;
	liveDoc: string;
	facilitatorCookie: string;
	rooms: SeededRoom[];
}

/** The shape of one class to seed. */
export interface ClassShape {
	groups: number;
	tabletsPerGroup: number;
}

let sharedHash: string | undefined;

/** Creates a facilitator; the first one hashes a password, later ones reuse that hash (argon2 is slow on purpose). */
async function newFacilitator(n: number): Promise<string> {
	if (!sharedHash) {
		const row = await facilitators.create({ email: `bench${n}@example.com`, name: `Bench ${n}`, password: 'bench-password-1', isAdmin: n === 0 });
		sharedHash = row.passwordHash;
		return row.id;
	}
	const id = newId();
	db.get()
		.insert(facilitator)
		.values({ id, email: `bench${n}@example.com`, name: `Bench ${n}`, passwordHash: sharedHash, isAdmin: false, createdAt: new Date() })
		.run();
	return id;
}

// The app's database handle is process-wide: seedings must take turns.
let queue: Promise<unknown> = Promise.resolve();

/** Seeds `shapes` as live workshops with one PEST activity each into the database at `dbPath`. */
export function seedClasses(dbPath: string, shapes: ClassShape[]): Promise<SeededClass[]> {
	const run = queue.then(() => seed(dbPath, shapes));
	queue = run.catch(() => undefined);
	return run;
}

async function seed(dbPath: string, shapes: ClassShape[]): Promise<SeededClass[]> {
	process.env.DATABASE_PATH = dbPath;
	db.close();
	sharedHash = undefined;
	const classes: SeededClass[] = [];
	const client = db.get().$client;
	for (const [i, shape] of shapes.entries()) {
		const fid = await newFacilitator(i);
		const token = auth.generateToken();
		auth.createSession(token, fid);
		const facilitatorCookie = `${auth.COOKIE}=${token}`;
		// One transaction per class keeps seeding thousands of participants to a few seconds.
		const seeded = client.transaction(() => {
			const w = workshops.create(fid, { title: `Class ${i + 1}`, language: 'zh-CN', groupCount: shape.groups });
			workshops.setStatus(w.id, 'live');
			const act = workshops.addActivity(w.id, 'pest-bench', 'pest', PEST);
			const rooms = workshops.groups(w.id).map((g, gi) => ({
				doc: boardDoc(act.id, g.id),
				watcher: facilitatorCookie,
				classIndex: i,
				tablets: Array.from({ length: shape.tabletsPerGroup }, (_, t) => {
					const { token } = participants.join(w.id, `学员${gi + 1}-${t + 1}`, g.id);
					return `${participants.COOKIE}=${token}`;
				})
			}));
			return { workshopId: w.id, joinCode: w.joinCode, liveDoc: liveDoc(w.id), facilitatorCookie, rooms };
		})();
		classes.push(seeded);
	}
	db.close();
	return classes;
}
