// `npm run test:reliability`: every reliability check at full size, including the ones too slow
// for `npm test` (100,000 fuzz messages, presence flood, network faults, a 10-minute soak).
// Fails (exit 1) when a target is missed; writes the figures to bench/RESULTS.md.
// Options: --only abuse,crash,fuzz,presence,faults,soak  --soak-seconds N  --soak-sessions N  --fuzz-messages N  --no-write
// HUDDLE_APP_DIR picks the tree whose build/ runs (default: this one; it must be built).
import { parseArgs } from 'node:util';
import { seededApp, type SeededApp } from './lib/app';
import { contentSecurityPolicy, cookieFlags, joinCodeGuessing, loginBruteForce, loginsFromOneAddress, markupRendersAsText, oversizedPost, websocketDoors } from './lib/abuse';
import { crashUnderLoad } from './lib/crash';
import { fuzz } from './lib/fuzz';
import { presenceFlood } from './lib/presence';
import { dropAndReconnect } from './lib/faults';
import { soak } from './lib/soak';
import { fmt } from '../../bench/lib/stats';
import { raisePriority } from '../../bench/lib/proc';
import { machine, sectionFor, table, writeSection } from '../../bench/lib/results';

const flags = {
	only: { type: 'string', default: 'abuse,crash,fuzz,presence,faults,soak' },
	'soak-seconds': { type: 'string', default: '600' },
	'soak-sessions': { type: 'string', default: '5' },
	'fuzz-messages': { type: 'string', default: '100000' },
	'no-write': { type: 'boolean', default: false }
} as const;
const { values: args } = parseArgs({ options: flags });
// A partial or resized run writes a section of its own in RESULTS.md, so the full run's stays whole.
const { key: sectionKey, command } = sectionFor('reliability', 'test:reliability', args, {
	only: flags.only.default,
	'soak-seconds': flags['soak-seconds'].default,
	'soak-sessions': flags['soak-sessions'].default,
	'fuzz-messages': flags['fuzz-messages'].default
});
const only = new Set(args.only.split(','));
const failures: string[] = [];
const sections: string[] = [];
const check = (ok: boolean, what: string) => {
	if (!ok) failures.push(what);
	return ok ? 'met' : '**missed**';
};

async function using<T>(app: Promise<SeededApp>, body: (app: SeededApp) => Promise<T>): Promise<T> {
	const a = await app;
	try {
		return await body(a);
	} finally {
		await a.cleanup();
	}
}

async function abuse() {
	const shapes = [{ groups: 2, tabletsPerGroup: 1 }, { groups: 1, tabletsPerGroup: 1 }];
	const plain = await using(seededApp(shapes), async (app) => ({
		login: await loginBruteForce(app),
		doors: await websocketDoors(app),
		markup: await markupRendersAsText(app),
		body: await oversizedPost(app),
		csp: await contentSecurityPolicy(app),
		// Last: a throttled address gets no answer at all, so later joins from it would fail.
		join: await joinCodeGuessing(app)
	}));
	const tlsOrigin = 'https://huddle.example';
	const tls = await using(seededApp(shapes, { ORIGIN: tlsOrigin }), async (app) => ({
		cookies: await cookieFlags(app, tlsOrigin),
		doors: await websocketDoors(app, tlsOrigin),
		// Last: it leaves the address throttled.
		address: await loginsFromOneAddress(app, tlsOrigin)
	}));
	const d = plain.doors;
	const a = tls.address;
	const flags = (c: { httpOnly: boolean; sameSite: string | null; secure: boolean }) => `HttpOnly ${c.httpOnly ? 'yes' : 'NO'}, SameSite=${c.sameSite ?? 'none'}, Secure ${c.secure ? 'yes' : 'NO'}`;
	sections.push(`### Abuse (HTTP and websocket, against the built server)

${table(['check', 'result', 'target'], [
	['join-code guessing from one address', `${plain.join.wrongBeforeThrottle} wrong codes answered, then 429 (attempts ${plain.join.statuses.length}), for the right code too while throttled (${plain.join.rightCodeWhileThrottled}); only wrong codes count, so a room behind one NAT joins at once`, check(plain.join.wrongBeforeThrottle === 20 && plain.join.rightCodeWhileThrottled === 429, 'join throttle')],
	['', 'refill: 20 per 10 min = 2 per minute (rate-limit.ts token bucket; not waited for here)', ''],
	['password guessing on one account', `${plain.login.triesBeforeThrottle} wrong passwords answered, then 429, even for the right password (${plain.login.rightPasswordWhileThrottled}); also 30 per address per 15 min`, check(plain.login.triesBeforeThrottle === 5 && plain.login.rightPasswordWhileThrottled === 429, 'login throttle')],
	['sign-ins from one address', `${a.rightStatuses.filter((s) => s === 303).length} of ${a.rightStatuses.length} right passwords signed in (only failures count, so trainers behind one NAT are never locked out); then ${a.failuresBeforeThrottle} wrong passwords answered, then 429, for a right one too (${a.rightWhileThrottled})`, check(a.rightStatuses.every((s) => s === 303) && a.failuresBeforeThrottle === 30 && a.rightWhileThrottled === 429, 'address throttle')],
	['websocket upgrade, foreign Origin', `${d.foreignOrigin} (behind TLS: ${tls.doors.foreignOrigin}); own tablet ${d.ownTablet} (TLS ${tls.doors.ownTablet})`, check(d.foreignOrigin === 403 && tls.doors.foreignOrigin === 403 && d.ownTablet === 101, 'origin')],
	['another workshop\'s cookies on a board', `participant ${d.otherWorkshopParticipant}, facilitator ${d.otherWorkshopFacilitator}; other group's participant ${d.otherGroupParticipant}; no cookie ${d.noCookie}`, check(d.otherWorkshopParticipant === 403 && d.otherWorkshopFacilitator === 403 && d.otherGroupParticipant === 403 && d.noCookie === 401, 'cross-workshop')],
	['names that are markup, in SSR HTML', `raw payload in HTML: ${plain.markup.rawPayloadInHtml ? 'YES' : 'no'}; escaped: ${plain.markup.escapedPayloadInHtml ? 'yes' : 'no'}`, check(!plain.markup.rawPayloadInHtml && plain.markup.escapedPayloadInHtml, 'escaping')],
	['form post of 1 MB (BODY_SIZE_LIMIT 512K)', `${plain.body.status}`, check(plain.body.status === 413, 'body limit')],
	['Content-Security-Policy', `\`${plain.csp.csp.replace(/'nonce-[^']+'/g, "'nonce-…'")}\`; foreign sources: ${plain.csp.foreign.length ? plain.csp.foreign.join(' ') : 'none'}`, check(plain.csp.csp.length > 0 && plain.csp.foreign.length === 0, 'csp')],
	['session cookie behind TLS', flags(tls.cookies.session), check(tls.cookies.session.httpOnly && tls.cookies.session.secure && !!tls.cookies.session.sameSite, 'session cookie')],
	['participant cookie behind TLS', flags(tls.cookies.participant), check(tls.cookies.participant.httpOnly && tls.cookies.participant.secure && !!tls.cookies.participant.sameSite, 'participant cookie')]
])}`);
}

async function crash() {
	const r = await using(seededApp([{ groups: 6, tabletsPerGroup: 5 }]), (app) => crashUnderLoad(app));
	sections.push(`### Crash (kill -9 under load)

6 rooms × (5 tablets + console), every tablet editing about every 100 ms; SIGKILL after 2.5 s; restart on the same database.
${r.edits} edits made, ${r.framesReceived} frames received by peers; ${r.peers} peers compared with the reloaded documents.
Peers holding something the reloaded server lacks: **${r.peersMissingSomething}** (target 0: ${check(r.peersMissingSomething === 0, 'crash')}).
${r.tabletsAheadOfServerAtCrash} tablets had edits the server had not stored yet (sent into the dying process, never acknowledged or broadcast); they kept them and, after reconnecting, the server lacked nothing from any of them: missing after reconnect **${r.tabletsMissingAfterReconnect}**.`);
}

async function fuzzing() {
	const messages = Number(args['fuzz-messages']);
	const r = await using(seededApp([{ groups: 9, tabletsPerGroup: 4 }]), (app) => fuzz(app, { messages, perConnection: 50, parallel: 24 }));
	const ok = r.serverAlive && r.health === 200 && r.controlConverged && r.controlDisconnects === 0;
	sections.push(`### Fuzz

${r.messages.toLocaleString('en-US')} messages over ${r.connections.toLocaleString('en-US')} authorised connections to 8 rooms in ${fmt(r.seconds)} s, while a control room kept editing (tablet every 100 ms, its console measuring).
By kind: ${Object.entries(r.byKind).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}. A socket is closed at its first malformed message (close codes: ${Object.entries(r.closeCodes).map(([k, v]) => `${k} ×${v}`).join(', ')}), so later messages in its batch go unread.
Server alive: ${r.serverAlive ? 'yes' : 'NO'}, /healthz ${r.health}; RSS ${fmt(r.rssStartMb, 0)} MB at start, peak ${fmt(r.rssPeakMb, 0)} MB, end ${fmt(r.rssEndMb, 0)} MB.
Control room: ${r.controlEdits} edits, converged ${r.controlConverged ? 'yes' : 'NO'}, disconnects ${r.controlDisconnects}, latency p50 ${fmt(r.controlLatency.p50)} / p99 ${fmt(r.controlLatency.p99)} / max ${fmt(r.controlLatency.max)} ms. Target (server up, other rooms working, memory bounded): ${check(ok && r.rssPeakMb < r.rssStartMb + 300, 'fuzz')}.
Crafted struct counts (yjs#687) are refused before \`Y.applyUpdate\` by \`update-guard.ts\` (declared counts checked against the bytes present); parked changes with missing dependencies are capped at 1 MB per document (room.ts).`);
}

async function presence() {
	const r = await using(seededApp([{ groups: 20, tabletsPerGroup: 30 }]), (app) => presenceFlood(app));
	const ratio = r.flooded.latency.p99 / Math.max(1, r.quiet.latency.p99);
	sections.push(`### Presence flood

20 rooms; ${r.editors} tablets edit every 2 s and ${r.presenceClients} other clients move their cursor once a second (1 Hz presence each), 20 s per phase.

${table(['', 'edits only', `edits + ${r.presenceClients} presence clients`], [
	['edit latency p50 / p95 / p99 (ms)', `${fmt(r.quiet.latency.p50)} / ${fmt(r.quiet.latency.p95)} / ${fmt(r.quiet.latency.p99)}`, `${fmt(r.flooded.latency.p50)} / ${fmt(r.flooded.latency.p95)} / ${fmt(r.flooded.latency.p99)}`],
	['server CPU (cores)', fmt(r.quiet.serverCores, 2), fmt(r.flooded.serverCores, 2)],
	['frames to clients per second', fmt(r.quiet.framesOutPerS, 0), fmt(r.flooded.framesOutPerS, 0)]
])}

Errors ${r.errors}, disconnects ${r.disconnects}. Edits stay fast under the flood (p99 under 100 ms): ${check(r.flooded.latency.p99 < 100 && r.disconnects === 0, 'presence')} (p99 ×${fmt(ratio, 2)} of the quiet phase).`);
}

async function faults() {
	const r = await using(seededApp([{ groups: 12, tabletsPerGroup: 5 }]), (app) => dropAndReconnect(app));
	sections.push(`### Network faults

${r.tablets} tablets in 12 rooms edit every 2 s; ${r.dropped} of them lose their connection at once (socket dropped without a closing handshake), keep editing offline for ${r.offlineS} s, then reconnect together.
Reconnected and synced in ${fmt(r.reconnectMs, 0)} ms (${r.reconnectFailures} failed); every console held every tablet's edits ${fmt(r.convergedMs, 0)} ms after the reconnect began; tablets not converged: **${r.tabletsNotConverged}** (target 0: ${check(r.tabletsNotConverged === 0 && r.reconnectFailures === 0, 'faults')}). ${r.edits} edits in total, unexpected disconnects ${r.unexpectedDisconnects}.
A loopback socket that is dropped is seen closing at once; a tablet that vanishes silently is found by the 30 s keepalive instead.`);
}

async function soaking() {
	const seconds = Number(args['soak-seconds']);
	const sessions = Number(args['soak-sessions']);
	const classesPerSession = 20;
	const shapes = Array.from({ length: classesPerSession * sessions }, () => ({ groups: 6, tabletsPerGroup: 5 }));
	const r = await using(seededApp(shapes), (app) => soak(app, { seconds, sessions, warmupS: 20, sampleS: Math.max(5, Math.round(seconds / 20)), log: console.log }));
	const growthOk = r.rssGrowth < 0.1 && r.handleGrowth < 0.1;
	const ok = growthOk && r.errors === 0 && r.roomsDiverged === 0 && r.afterLeaving.rows.docsWithLog === 0;
	sections.push(`### Soak

${sessions} sessions of ${classesPerSession} classes (${r.roomsPerSession} rooms, ${r.socketsPerSession} sockets, tablets every 2 s) for ${fmt(r.sessionMinutes)} min each; every session's classes arrive before the previous ones leave, so the load never pauses. ${fmt(r.minutes)} min measured after a 20 s warm-up; ${r.edits.toLocaleString('en-US')} edits; server ${fmt(r.serverCores, 2)} cores.
Memory is compared at the same point of each session, 3 s after a new set of classes took over: an open board keeps its edit history (a CRDT's tombstones) until it unloads, so comparing a fresh session with one 10 minutes old would measure the boards, not what the server leaves behind.

${table(['', 'idle (before clients)', 'start (session 1, warmed up)', ...r.handovers.map((_, i) => `session ${i + 2} took over`), 'end', 'after clients left'], [
	['RSS (MB)', fmt(r.idle.rssMb, 0), fmt(r.start.rssMb, 0), ...r.handovers.map((h) => fmt(h.rssMb, 0)), fmt(r.end.rssMb, 0), fmt(r.afterLeaving.rssMb, 0)],
	['open handles (fds)', r.idle.handles, r.start.handles, ...r.handovers.map((h) => h.handles), r.end.handles, r.afterLeaving.handles]
])}

Growth from the first to the last takeover (${fmt((r.lastHandover.s - r.firstHandover.s) / 60)} min apart): RSS ${fmt(r.rssGrowth * 100)} %, handles ${fmt(r.handleGrowth * 100)} % (target under 10 %: ${check(growthOk, 'soak growth')}). Errors and disconnects: ${r.errors}; rooms not converged: ${r.roomsDiverged}.
Documents unloaded after the clients left: every room compacts its log to one row when it closes; before the last session left ${r.beforeLeaving.docsWithLog} of ${r.beforeLeaving.docs} documents had a multi-row log, after leaving ${r.afterLeaving.rows.docsWithLog} (${r.afterLeaving.rows.rows} rows for ${r.afterLeaving.rows.docs} documents): ${check(r.afterLeaving.rows.docsWithLog === 0, 'unload')}.
RSS every ${Math.round(r.samples[0]?.s ?? 0)} s: ${r.samples.map((s) => fmt(s.rssMb, 0)).join(', ')} MB. Target met overall: ${ok ? 'yes' : 'no'}.`);
}

async function main() {
	raisePriority();
	const started = performance.now();
	const steps: [string, () => Promise<void>][] = [['abuse', abuse], ['crash', crash], ['fuzz', fuzzing], ['presence', presence], ['faults', faults], ['soak', soaking]];
	for (const [name, step] of steps) {
		if (!only.has(name)) continue;
		console.log(`\n== ${name}`);
		try {
			await step();
			console.log(sections.at(-1));
		} catch (error) {
			failures.push(`${name}: ${(error as Error).message}`);
			console.error(error);
		}
	}
	const minutes = (performance.now() - started) / 60_000;
	if (!args['no-write']) {
		writeSection(sectionKey, `## Reliability (\`${command}\`)\n\nMachine: ${machine()}. Wall time ${fmt(minutes)} min.\n\n${sections.join('\n\n')}`);
	}
	console.log(`\n${failures.length === 0 ? 'all reliability targets met' : `missed: ${failures.join('; ')}`} (${fmt(minutes)} min)`);
	console.log(`${sections.length - failures.length} passed, ${failures.length} failed`);
	process.exit(failures.length ? 1 : 0);
}

void main();
