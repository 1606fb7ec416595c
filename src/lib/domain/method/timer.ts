/**
 * A phase timer as plain data. Times are epoch milliseconds from the server clock,
 * passed in as `now`, so the same timer reads the same on every device and in tests.
 * Storing "running since" plus the time already used (instead of a ticking counter)
 * means nobody has to write to the shared document every second.
 */
export interface Timer {
	durationMs: number;
	/** Time used in earlier running stretches, before the latest pause. */
	elapsedMs: number;
	/** When the current running stretch began; null while paused or not started. */
	runningSince: number | null;
}

export interface TimerReading {
	running: boolean;
	/** Never negative; 0 once time is up. */
	remainingMs: number;
	/** How far past the timebox the phase has run; 0 while time remains. */
	overtimeMs: number;
	expired: boolean;
}

const MINUTE_MS = 60_000;

/** A stopped timer for a timebox of `minutes`. */
export function createTimer(minutes: number): Timer {
	return { durationMs: Math.max(0, minutes) * MINUTE_MS, elapsedMs: 0, runningSince: null };
}

/** Starts or resumes; a running timer is returned unchanged so a double click is harmless. */
export function startTimer(timer: Timer, now: number): Timer {
	if (timer.runningSince !== null) return timer;
	return { ...timer, runningSince: now };
}

/** Pauses, keeping the time used so far; a paused timer is returned unchanged. */
export function pauseTimer(timer: Timer, now: number): Timer {
	if (timer.runningSince === null) return timer;
	return { ...timer, elapsedMs: usedMs(timer, now), runningSince: null };
}

/** Back to the full timebox, stopped. */
export function resetTimer(timer: Timer): Timer {
	return { durationMs: timer.durationMs, elapsedMs: 0, runningSince: null };
}

/**
 * Adds (or, with negative minutes, takes away) time while the timer runs or waits. The
 * time used stays; an overrun timebox gets its minutes counted from now, and taking
 * away never leaves less than nothing.
 */
export function addTime(timer: Timer, minutes: number, now: number): Timer {
	const used = usedMs(timer, now);
	return { ...timer, durationMs: Math.max(used, Math.max(timer.durationMs, used) + minutes * MINUTE_MS) };
}

export function readTimer(timer: Timer, now: number): TimerReading {
	const left = timer.durationMs - usedMs(timer, now);
	return {
		running: timer.runningSince !== null,
		remainingMs: Math.max(0, left),
		overtimeMs: Math.max(0, -left),
		expired: left <= 0
	};
}

function usedMs(timer: Timer, now: number): number {
	// A client clock behind the server's must not make the timer run backwards.
	const stretch = timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince);
	return timer.elapsedMs + stretch;
}
