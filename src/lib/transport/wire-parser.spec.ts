import { describe, expect, it } from 'vitest';
import { Encoder as DefaultEncoder, PacketType, type Packet } from 'socket.io-parser';
import { Decoder, Encoder } from './wire-parser';

function roundTrip(packet: Packet): { frames: (string | Uint8Array)[]; decoded: Packet[] } {
	const frames = new Encoder().encode(packet);
	const decoder = new Decoder();
	const decoded: Packet[] = [];
	decoder.on('decoded', (p: Packet) => decoded.push(p));
	for (const frame of frames) decoder.add(frame);
	return { frames, decoded };
}

describe('wire parser', () => {
	it('sends an event with binary as one frame and gives the bytes back', () => {
		const bytes = new Uint8Array([0, 2, 7, 255]);
		const { frames, decoded } = roundTrip({ type: PacketType.EVENT, nsp: '/', id: 12, data: ['y', 'canvas:plenary', bytes] });
		expect(frames).toHaveLength(1);
		expect(frames[0]).toBeInstanceOf(Uint8Array);
		expect(decoded).toHaveLength(1);
		expect(decoded[0]).toMatchObject({ type: PacketType.EVENT, nsp: '/', id: 12 });
		expect(decoded[0]!.data[0]).toBe('y');
		expect(Array.from(decoded[0]!.data[2] as Uint8Array)).toEqual([0, 2, 7, 255]);
	});

	it('finds binary nested in objects and arrays, including ArrayBuffers and zero-length views', () => {
		const buffer = new Uint8Array([9, 8, 7]).buffer;
		const { frames, decoded } = roundTrip({
			type: PacketType.ACK,
			nsp: '/admin',
			id: 3,
			data: [{ ok: true, parts: [new Uint8Array(0), { inner: buffer }], when: new Date(0) }]
		});
		expect(frames).toHaveLength(1);
		const [value] = decoded[0]!.data as [{ parts: [Uint8Array, { inner: Uint8Array }]; when: string; ok: boolean }];
		expect(value.ok).toBe(true);
		expect(value.parts[0].byteLength).toBe(0);
		expect(Array.from(value.parts[1].inner)).toEqual([9, 8, 7]);
		expect(value.when).toBe('1970-01-01T00:00:00.000Z');
	});

	it('keeps packets without binary as socket.io text frames', () => {
		const packet: Packet = { type: PacketType.EVENT, nsp: '/', data: ['presence:list', [{ participantId: 'p1' }]] };
		const { frames, decoded } = roundTrip(packet);
		expect(frames).toEqual(new DefaultEncoder().encode(packet));
		expect(decoded[0]!.data).toEqual(packet.data);
	});

	it("refuses socket.io's two-frame binary form, so the decoder never waits for attachments", () => {
		const [header] = new DefaultEncoder().encode({ type: PacketType.EVENT, nsp: '/', data: ['y', 'x', new Uint8Array([1])] });
		expect(typeof header).toBe('string');
		expect(() => new Decoder().add(header)).toThrow(/one frame/);
	});

	it.each([
		['an empty frame', new Uint8Array(0), /truncated/],
		['a header longer than the frame', Uint8Array.from([0, 0, 0, 50, 123]), /truncated/],
		['a header that is not JSON', frame('{nope', []), /not JSON/],
		['a connect packet', frame(JSON.stringify({ type: 0, nsp: '/', data: [] }), []), /event or an ack/],
		[
			'a placeholder pointing nowhere',
			frame(JSON.stringify({ type: 2, nsp: '/', data: ['y', { _placeholder: true, num: 1 }] }), [[1]]),
			/points nowhere/
		],
		['an attachment nothing refers to', frame(JSON.stringify({ type: 2, nsp: '/', data: ['y'] }), [[1]]), /no placeholder/],
		[
			'a reserved event name',
			frame(JSON.stringify({ type: 2, nsp: '/', data: ['connect', { _placeholder: true, num: 0 }] }), [[1]]),
			/invalid packet/
		],
		[
			'a fractional ack id',
			frame(JSON.stringify({ type: 2, nsp: '/', id: 1.5, data: ['y', { _placeholder: true, num: 0 }] }), [[1]]),
			/invalid packet/
		]
	])('rejects %s with an error', (_name, bytes, message) => {
		expect(() => new Decoder().add(bytes)).toThrow(message);
	});

	it('keeps a "__proto__" key as plain data', () => {
		const decoder = new Decoder();
		let decoded: Packet | undefined;
		decoder.on('decoded', (p: Packet) => (decoded = p));
		decoder.add(frame('{"type":2,"nsp":"/","data":["y",{"__proto__":{"_placeholder":true,"num":0}}]}', [[5]]));
		const value = decoded!.data[1] as Record<string, unknown>;
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBeInstanceOf(Uint8Array);
	});
});

/** Builds a frame by hand, so broken ones can be tested. */
function frame(header: string, attachments: number[][]): Uint8Array {
	const headerBytes = new TextEncoder().encode(header);
	const parts = [u32(headerBytes.byteLength), headerBytes, ...attachments.flatMap((a) => [u32(a.length), Uint8Array.from(a)])];
	const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.byteLength;
	}
	return out;
}

function u32(n: number): Uint8Array {
	const bytes = new Uint8Array(4);
	new DataView(bytes.buffer).setUint32(0, n);
	return bytes;
}
