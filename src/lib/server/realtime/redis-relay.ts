import { createAdapter } from '@socket.io/redis-adapter';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { log } from '../log';
import type { DocRegistry } from './doc-registry';
import type { DialogServer } from './socket-server';

const CHANNEL = 'datadialog:y';

export interface RedisRelay {
	close(): Promise<void>;
}

/**
 * Lets several instances serve one workshop: socket.io's Redis adapter carries
 * events and presence, and this relay carries Yjs updates. Only the instance that
 * received an update stores it; the others apply it to their loaded copy and pass
 * it to their own sockets (hocuspocus' Redis extension works the same way).
 */
export async function startRedisRelay(options: { url: string; io: DialogServer; docs: DocRegistry }): Promise<RedisRelay> {
	const { url, io, docs } = options;
	const instance = randomBytes(8).toString('hex');
	const connect = () => new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
	const [pub, sub, adapterPub, adapterSub] = [connect(), connect(), connect(), connect()];
	for (const client of [pub, sub, adapterPub, adapterSub]) {
		client.on('error', (error) => log.warn('redis.error', { error }));
		await client.connect();
	}
	io.adapter(createAdapter(adapterPub, adapterSub));

	sub.on('messageBuffer', (_channel: Buffer, message: Buffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
		const from = decoding.readVarString(decoder);
		if (from === instance) return;
		const workshopId = decoding.readVarString(decoder);
		const name = decoding.readVarString(decoder);
		const update = decoding.readVarUint8Array(decoder);
		// Loaded or loading here: apply after the load (the load itself reads the stored update too; Yjs ignores duplicates).
		void docs
			.peek(workshopId, name)
			?.then((live) => docs.applyRelayedUpdate(live, update))
			.catch((error) => log.error('redis.relay_failed', { workshopId, doc: name, error }));
	});
	await sub.subscribe(CHANNEL);
	log.info('redis.connected', { instance });

	// Tells the other instances about every update this instance has stored.
	docs.use({
		afterStore(live, update) {
			const encoder = encoding.createEncoder();
			encoding.writeVarString(encoder, instance);
			encoding.writeVarString(encoder, live.workshopId);
			encoding.writeVarString(encoder, live.name);
			encoding.writeVarUint8Array(encoder, update);
			void pub.publish(CHANNEL, Buffer.from(encoding.toUint8Array(encoder))).catch((error) => log.error('redis.publish_failed', { error }));
		}
	});
	return {
		async close() {
			await Promise.all([pub, sub, adapterPub, adapterSub].map((c) => c.quit().catch(() => undefined)));
		}
	};
}
