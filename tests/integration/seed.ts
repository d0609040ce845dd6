import * as facilitators from '../../src/lib/server/auth/facilitators';
import * as auth from '../../src/lib/server/auth/session';
import * as db from '../../src/lib/server/db';
import * as participants from '../../src/lib/server/participants';
import * as workshops from '../../src/lib/server/workshops';
import { boardDoc, liveDoc } from '../../src/lib/docs';

const PEST = { kind: 'pest', title: { 'zh-CN': 'PEST', en: 'PEST' } };

/** Two facilitators, each with a workshop of two groups and a PEST activity; participants with cookies. */
export async function seed(dbPath: string) {
	process.env.DATABASE_PATH = dbPath;
	db.close();
	const owner = await facilitators.create({ email: 'owner@example.com', name: '王老师', password: 'password1', isAdmin: true });
	const stranger = await facilitators.create({ email: 'other@example.com', name: 'Other', password: 'password1', isAdmin: false });
	const cookieOf = (id: string) => {
		const token = auth.generateToken();
		auth.createSession(token, id);
		return `${auth.COOKIE}=${token}`;
	};
	const w = workshops.create(owner.id, { title: 'IT', language: 'zh-CN', groupCount: 2 });
	const w2 = workshops.create(stranger.id, { title: 'Other', language: 'en', groupCount: 1 });
	workshops.setStatus(w.id, 'live');
	const [g1, g2] = workshops.groups(w.id);
	const act = workshops.addActivity(w.id, 'pest-test', 'pest', PEST);
	const act2 = workshops.addActivity(w2.id, 'pest-test', 'pest', PEST);
	const join = (name: string, groupId: string | null, workshopId = w.id) => {
		const { participant, token } = participants.join(workshopId, name, groupId);
		return { id: participant.id, cookie: `${participants.COOKIE}=${token}` };
	};
	const data = {
		workshop: w,
		otherWorkshop: w2,
		facilitator: cookieOf(owner.id),
		strangerFacilitator: cookieOf(stranger.id),
		alice: join('Alice', g1.id),
		bob: join('Bob', g1.id),
		carol: join('Carol', g2.id),
		outsider: join('Dan', workshops.groups(w2.id)[0].id, w2.id),
		docs: {
			live: liveDoc(w.id),
			board1: boardDoc(act.id, g1.id),
			board2: boardDoc(act.id, g2.id),
			otherBoard: boardDoc(act2.id, workshops.groups(w2.id)[0].id),
			otherLive: liveDoc(w2.id)
		}
	};
	db.close();
	return data;
}
