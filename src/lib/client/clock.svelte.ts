/**
 * The current time as state, ticking once a second while something reads it; the
 * timer display reads this instead of the control document changing every second.
 */
import { createSubscriber } from 'svelte/reactivity';

export class Clock {
	#now = Date.now();
	readonly #subscribe = createSubscriber((update) => {
		const interval = setInterval(() => {
			this.#now = Date.now();
			update();
		}, 1000);
		return () => clearInterval(interval);
	});

	get now(): number {
		this.#subscribe();
		return this.#now;
	}
}
