import { describe, expect, it } from 'vitest';
import { boardDoc, liveDoc, parseDoc, privateDoc } from './docs';

const A = 'abcdefghijklmnop';
const B = 'qrstuvwxyz234567';

describe('document names', () => {
	it('round-trips live and board names', () => {
		expect(parseDoc(liveDoc(A))).toEqual({ type: 'live', workshopId: A });
		expect(parseDoc(boardDoc(A, B))).toEqual({ type: 'board', activityId: A, groupId: B });
		expect(parseDoc(privateDoc(A, B))).toEqual({ type: 'private', activityId: A, participantId: B });
	});

	it('rejects anything else', () => {
		for (const name of ['', 'live.', `live.${A}x`, `board.${A}`, `board.${A}.${B}.x`, `LIVE.${A}`, `private.${A}`, `private.${A}.${B}.x`, '../etc/passwd', `live.${A.toUpperCase()}`]) {
			expect(parseDoc(name)).toBeNull();
		}
	});
});
