import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEBOUNCE_MS, ReportDraft } from './report-draft.svelte';

/** localStorage as a map. */
function memoryStorage() {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		removeItem: (k: string) => void items.delete(k)
	};
}

const KEY = 'huddle-report:TEST';
let storage: ReturnType<typeof memoryStorage>;
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
	vi.useFakeTimers();
	storage = memoryStorage();
	vi.stubGlobal('localStorage', storage);
	fetchMock = vi.fn(async (_url: string, init: RequestInit) => new Response(JSON.stringify({ updatedAt: 5000, echo: init.body }), { status: 200 }));
	vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

const draft = (body = '', updatedAt = 0) => new ReportDraft({ endpoint: '/r/TEST/report', storageKey: KEY, body, updatedAt });

describe('the report draft', () => {
	it('keeps every keystroke on the device and sends once typing pauses', async () => {
		const d = draft();
		d.body = '学';
		d.body = '学习';
		expect(d.status).toBe('unsaved');
		expect(JSON.parse(storage.items.get(KEY)!).body).toBe('学习');
		expect(fetchMock).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
		expect(fetchMock).toHaveBeenCalledTimes(1);
		expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ body: '学习', base: 0 });
		expect(d.status).toBe('saved');
		expect(d.savedAt).toBe(5000);
		expect(storage.items.has(KEY)).toBe(false);
		expect(d.count).toBe(2);
	});

	it('stops on a conflict with a save made elsewhere, and lets the writer choose', async () => {
		const d = draft('第一稿', 1000);
		fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ reason: 'conflict', body: '手机上的版本', updatedAt: 3000 }), { status: 409 }));
		d.body = '第一稿，加一句';
		await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
		expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ body: '第一稿，加一句', base: 1000 });
		expect(d.status).toBe('conflict');
		expect(d.theirs).toBe('手机上的版本');
		// Nothing more is sent while in conflict, and this tab's text stays on the device.
		d.body = '第一稿，加两句';
		await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 3);
		expect(fetchMock).toHaveBeenCalledTimes(1);
		expect(JSON.parse(storage.items.get(KEY)!).body).toBe('第一稿，加两句');
		// Keeping this version sends it based on the other save.
		await d.keepMine();
		expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual({ body: '第一稿，加两句', base: 3000 });
		expect(d.status).toBe('saved');
		expect(d.theirs).toBeNull();
	});

	it('takes the version saved elsewhere when the writer chooses it', async () => {
		const d = draft('第一稿', 1000);
		fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ reason: 'conflict', body: '手机上的版本', updatedAt: 3000 }), { status: 409 }));
		d.body = '第一稿！';
		await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
		d.takeTheirs();
		expect(d.body).toBe('手机上的版本');
		expect(d.status).toBe('saved');
		expect(d.savedAt).toBe(3000);
		expect(storage.items.has(KEY)).toBe(false);
	});

	it('goes offline when the network fails and retries by itself', async () => {
		fetchMock.mockRejectedValueOnce(new TypeError('network down'));
		const d = draft();
		d.body = '断网时写的';
		await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
		expect(d.status).toBe('offline');
		expect(storage.items.has(KEY)).toBe(true);
		await vi.advanceTimersByTimeAsync(5000);
		expect(d.status).toBe('saved');
		expect(fetchMock).toHaveBeenCalledTimes(2);
	});

	it('picks up text that never reached the server, unless the server has newer text', async () => {
		storage.setItem(KEY, JSON.stringify({ body: '本地的新内容', base: 1000 }));
		const d = draft('服务器上的旧内容', 1000);
		expect(d.body).toBe('本地的新内容');
		expect(d.status).toBe('unsaved');
		await vi.advanceTimersByTimeAsync(0);
		expect(d.status).toBe('saved');

		storage.setItem(KEY, JSON.stringify({ body: '过时的本地内容', base: 1000 }));
		const e = draft('另一台设备后来保存的', 2000);
		expect(e.body).toBe('另一台设备后来保存的');
		expect(storage.items.has(KEY)).toBe(false);
	});

	it('stops saving once the report was submitted elsewhere', async () => {
		fetchMock.mockResolvedValueOnce(new Response('', { status: 409 }));
		const d = draft();
		d.body = '改一下';
		await d.flush();
		expect(d.status).toBe('locked');
	});
});
