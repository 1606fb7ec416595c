import { Decoder as TextPacketDecoder, Encoder as TextPacketEncoder, PacketType, isPacketValid, type Packet } from 'socket.io-parser';

/**
 * The socket.io parser used on both ends. socket.io's own parser sends a packet that
 * carries binary (every Yjs `y` event) as a text header frame plus one frame per
 * attachment; profiling the 500-person benchmark put a third of the server's CPU in
 * those socket writes. This parser sends such a packet as ONE binary WebSocket frame:
 *
 *   u32 header length · UTF-8 JSON header { type, nsp, id?, data } · per attachment: u32 length · bytes
 *
 * where every binary value inside `data` is replaced by `{ "_placeholder": true, "num": i }`.
 * Packets without binary stay socket.io's ordinary text frames. See PROTOCOL.md.
 */
export class Encoder {
	readonly #text = new TextPacketEncoder();

	encode(packet: Packet): (string | Uint8Array)[] {
		const carriesData = packet.type === PacketType.EVENT || packet.type === PacketType.ACK;
		if (!carriesData || !containsBinary(packet.data)) return this.#text.encode(packet);
		const attachments: Uint8Array[] = [];
		const data = withPlaceholders(packet.data, attachments);
		return [encodeFrame({ type: packet.type, nsp: packet.nsp, id: packet.id, data }, attachments)];
	}
}

export class Decoder extends TextPacketDecoder {
	override add(chunk: unknown): void {
		if (typeof chunk === 'string') {
			// The two-frame binary form would leave the text decoder waiting for attachments.
			const type = Number(chunk[0]);
			if (type === PacketType.BINARY_EVENT || type === PacketType.BINARY_ACK) {
				throw new Error('binary packets must arrive as one frame');
			}
			super.add(chunk);
			return;
		}
		if (chunk instanceof ArrayBuffer) this.emitReserved('decoded', decodeFrame(new Uint8Array(chunk)));
		else if (ArrayBuffer.isView(chunk))
			this.emitReserved('decoded', decodeFrame(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
		else throw new Error('unknown frame type');
	}
}

/** What socket.io's `parser` option expects on server and client. */
export const wireParser = { Encoder, Decoder };

const HEADER_BYTES = 4;
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function encodeFrame(header: Packet, attachments: Uint8Array[]): Uint8Array {
	const headerBytes = utf8Encoder.encode(JSON.stringify(header));
	let size = HEADER_BYTES + headerBytes.byteLength;
	for (const attachment of attachments) size += HEADER_BYTES + attachment.byteLength;
	const frame = new Uint8Array(size);
	const view = new DataView(frame.buffer);
	view.setUint32(0, headerBytes.byteLength);
	frame.set(headerBytes, HEADER_BYTES);
	let offset = HEADER_BYTES + headerBytes.byteLength;
	for (const attachment of attachments) {
		view.setUint32(offset, attachment.byteLength);
		frame.set(attachment, offset + HEADER_BYTES);
		offset += HEADER_BYTES + attachment.byteLength;
	}
	return frame;
}

function decodeFrame(frame: Uint8Array): Packet {
	const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
	const headerLength = readLength(view, 0);
	let header: unknown;
	try {
		header = JSON.parse(utf8Decoder.decode(frame.subarray(HEADER_BYTES, HEADER_BYTES + headerLength)));
	} catch {
		throw new Error('binary frame header is not JSON');
	}
	const attachments: Uint8Array[] = [];
	let offset = HEADER_BYTES + headerLength;
	while (offset < frame.byteLength) {
		const length = readLength(view, offset);
		attachments.push(frame.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length));
		offset += HEADER_BYTES + length;
	}
	if (!isRecord(header) || (header.type !== PacketType.EVENT && header.type !== PacketType.ACK)) {
		throw new Error('binary frame must hold an event or an ack');
	}
	const used = new Set<number>();
	const packet: Packet = {
		type: header.type,
		nsp: header.nsp as string,
		id: header.id as number | undefined,
		data: fillPlaceholders(header.data, attachments, used)
	};
	if (used.size !== attachments.length) throw new Error('binary frame has attachments no placeholder refers to');
	if (!isPacketValid(packet)) throw new Error('invalid packet');
	return packet;
}

function readLength(view: DataView, offset: number): number {
	if (offset + HEADER_BYTES > view.byteLength) throw new Error('binary frame is truncated');
	const length = view.getUint32(offset);
	if (offset + HEADER_BYTES + length > view.byteLength) throw new Error('binary frame is truncated');
	return length;
}

function containsBinary(value: unknown): boolean {
	if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return true;
	if (Array.isArray(value)) return value.some(containsBinary);
	if (isPlainObject(value)) return Object.values(value).some(containsBinary);
	return false;
}

function withPlaceholders(value: unknown, attachments: Uint8Array[]): unknown {
	if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
		attachments.push(
			value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
		);
		return { _placeholder: true, num: attachments.length - 1 };
	}
	if (Array.isArray(value)) return value.map((item) => withPlaceholders(item, attachments));
	if (isPlainObject(value)) {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withPlaceholders(item, attachments)]));
	}
	return value;
}

function fillPlaceholders(value: unknown, attachments: Uint8Array[], used: Set<number>): unknown {
	if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, attachments, used));
	if (!isRecord(value)) return value;
	if (value._placeholder === true) {
		const num = value.num;
		if (typeof num !== 'number' || !Number.isInteger(num) || num < 0 || num >= attachments.length) {
			throw new Error('binary frame placeholder points nowhere');
		}
		used.add(num);
		return attachments[num];
	}
	for (const [key, item] of Object.entries(value)) {
		const filled = fillPlaceholders(item, attachments, used);
		// defineProperty, not assignment: a key named "__proto__" must stay plain data.
		if (filled !== item) Object.defineProperty(value, key, { value: filled, enumerable: true, writable: true, configurable: true });
	}
	return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only literal objects are walked; anything else (a Date, say) is left to JSON.stringify. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}
