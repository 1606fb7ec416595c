import { describe, expect, it } from 'vitest';
import { SLICE_RECIPIENTS, SlicedBroadcast } from './sliced-broadcast';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A room's members as the socket.io adapter holds them, and what reached whom, in order. */
function setup() {
	const rooms = new Map<string, Set<string>>();
	const received: { change: string; to: string | string[] }[] = [];
	const broadcast = new SlicedBroadcast((room) => rooms.get(room));
	const send = (change: string) => (to: string | string[]) => received.push({ change, to });
	const reached = (change: string) => received.filter((r) => r.change === change).flatMap((r) => (Array.isArray(r.to) ? r.to : [r.to]));
	return { rooms, received, broadcast, send, reached };
}

describe('a document change sent to a large room a slice at a time', () => {
	it('reaches a room of up to one slice at once, by the room, as a single send', () => {
		const { rooms, received, broadcast, send } = setup();
		rooms.set('d:w/g1', new Set(ids('s', SLICE_RECIPIENTS)));
		broadcast.send('w', 'd:w/g1', send('a'));
		expect(received).toEqual([{ change: 'a', to: 'd:w/g1' }]);
	});

	it('sends nothing to an empty room and has nothing pending for it', async () => {
		const { received, broadcast, send } = setup();
		broadcast.send('w', 'd:w/nobody', send('a'));
		expect(received).toEqual([]);
		await broadcast.roomSettled('d:w/nobody');
	});

	it('sends the first slice of a large room at once and the rest on later turns, everyone exactly once', async () => {
		const { rooms, received, broadcast, send, reached } = setup();
		const members = ids('s', 2 * SLICE_RECIPIENTS + 50);
		rooms.set('d:w/control', new Set(members));
		let settled = false;
		broadcast.send('w', 'd:w/control', send('a'));
		void broadcast.roomSettled('d:w/control').then(() => (settled = true));
		expect(reached('a')).toEqual(members.slice(0, SLICE_RECIPIENTS));
		await nextTurn();
		expect(received.length).toBeGreaterThan(1);
		expect(settled).toBe(false);
		await broadcast.roomSettled('d:w/control');
		expect(reached('a')).toEqual(members);
		expect(received.map((r) => (r.to as string[]).length)).toEqual([SLICE_RECIPIENTS, SLICE_RECIPIENTS, 50]);
	});

	it('keeps a room’s changes in order: a later change waits behind a queued one, even once the room is small', async () => {
		const { rooms, received, broadcast, send, reached } = setup();
		const members = ids('s', SLICE_RECIPIENTS + 20);
		rooms.set('d:w/control', new Set(members));
		broadcast.send('w', 'd:w/control', send('a'));
		rooms.set('d:w/control', new Set(members.slice(0, 10)));
		broadcast.send('w', 'd:w/control', send('b'));
		expect(received.map((r) => r.change)).toEqual(['a']);
		await broadcast.roomSettled('d:w/control');
		expect(received.map((r) => r.change)).toEqual(['a', 'a', 'b']);
		expect(reached('a')).toEqual(members);
		expect(reached('b')).toEqual(members.slice(0, 10));
		// Nothing queued any more: the next change goes out at once, to the room.
		broadcast.send('w', 'd:w/control', send('c'));
		expect(received.at(-1)).toEqual({ change: 'c', to: 'd:w/control' });
	});

	it('sends queued changes of different rooms one after the other, and settles a workshop after its last', async () => {
		const { rooms, received, broadcast, send } = setup();
		rooms.set('d:w1/control', new Set(ids('a', SLICE_RECIPIENTS + 1)));
		rooms.set('d:w2/control', new Set(ids('b', SLICE_RECIPIENTS + 1)));
		rooms.set('d:w2/group', new Set(ids('c', 5)));
		broadcast.send('w1', 'd:w1/control', send('w1'));
		broadcast.send('w2', 'd:w2/control', send('w2'));
		// A small room with nothing queued is not held up by other rooms' slices.
		broadcast.send('w2', 'd:w2/group', send('group'));
		expect(received.map((r) => r.change)).toEqual(['w1', 'group']);
		let w2Settled = false;
		void broadcast.workshopSettled('w2').then(() => (w2Settled = true));
		await broadcast.workshopSettled('w1');
		expect(w2Settled).toBe(false);
		await broadcast.workshopSettled('w2');
		expect(received.map((r) => r.change)).toEqual(['w1', 'group', 'w1', 'w2', 'w2']);
		await broadcast.workshopSettled('w3');
	});
});
