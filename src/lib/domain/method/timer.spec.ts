import { describe, expect, it } from 'vitest';
import { addTime, createTimer, pauseTimer, readTimer, resetTimer, startTimer } from './timer';

const MINUTE = 60_000;

describe('timer', () => {
	it('starts stopped with the whole timebox remaining', () => {
		const timer = createTimer(10);
		expect(readTimer(timer, 1_000)).toEqual({ running: false, remainingMs: 10 * MINUTE, overtimeMs: 0, expired: false });
	});

	it('counts down from the moment it is started', () => {
		const timer = startTimer(createTimer(10), 0);
		expect(readTimer(timer, 3 * MINUTE).remainingMs).toBe(7 * MINUTE);
	});

	it('keeps the time used when paused and resumes from there', () => {
		let timer = startTimer(createTimer(10), 0);
		timer = pauseTimer(timer, 4 * MINUTE);
		expect(readTimer(timer, 20 * MINUTE).remainingMs).toBe(6 * MINUTE);
		timer = startTimer(timer, 20 * MINUTE);
		expect(readTimer(timer, 21 * MINUTE)).toMatchObject({ running: true, remainingMs: 5 * MINUTE });
	});

	it('ignores a second start or a second pause', () => {
		const running = startTimer(createTimer(5), 100);
		expect(startTimer(running, 900)).toBe(running);
		const paused = pauseTimer(running, 200);
		expect(pauseTimer(paused, 900)).toBe(paused);
	});

	it('reports overtime once the timebox has run out', () => {
		const timer = startTimer(createTimer(1), 0);
		expect(readTimer(timer, 90_000)).toEqual({ running: true, remainingMs: 0, overtimeMs: 30_000, expired: true });
	});

	it('resets to the full timebox, stopped', () => {
		const used = pauseTimer(startTimer(createTimer(5), 0), MINUTE);
		expect(resetTimer(used)).toEqual({ durationMs: 5 * MINUTE, elapsedMs: 0, runningSince: null });
	});

	it('does not run backwards when the reading clock is behind the start time', () => {
		const timer = startTimer(createTimer(5), 10_000);
		expect(readTimer(timer, 9_000).remainingMs).toBe(5 * MINUTE);
	});

	it('never changes the timer it is given', () => {
		const timer = Object.freeze(createTimer(5));
		const started = startTimer(timer, 0);
		expect(pauseTimer(started, 1)).not.toBe(started);
		expect(timer.runningSince).toBeNull();
	});

	it('adds time to a running timebox without losing the time used', () => {
		const timer = addTime(startTimer(createTimer(10), 0), 5, 4 * MINUTE);
		expect(readTimer(timer, 4 * MINUTE)).toMatchObject({ running: true, remainingMs: 11 * MINUTE });
	});

	it('gives an expired timer fresh minutes counted from now', () => {
		const timer = addTime(startTimer(createTimer(1), 0), 2, 3 * MINUTE);
		expect(readTimer(timer, 3 * MINUTE)).toMatchObject({ remainingMs: 2 * MINUTE, expired: false });
	});

	it('never takes away more than what is left', () => {
		const timer = addTime(startTimer(createTimer(10), 0), -30, 4 * MINUTE);
		expect(readTimer(timer, 4 * MINUTE)).toMatchObject({ remainingMs: 0, expired: true });
	});
});
