/**
 * Runs `fn` once the frame that shows the current DOM has been rendered (style, layout and paint done): a message
 * posted from the next animation frame's callback is handled in a task after that frame's rendering. Used for the
 * marks `npm run bench` reads, so a "drawn" time includes drawing. (A background tab runs no animation frames:
 * `fn` then waits until the tab is shown.)
 */
export function afterNextPaint(fn: () => void): void {
	requestAnimationFrame(() => {
		const ch = new MessageChannel();
		ch.port1.onmessage = () => {
			ch.port1.close();
			fn();
		};
		ch.port2.postMessage(null);
	});
}

/** Runs `fn` when the page is idle, at the latest after `timeout` ms (a browser without requestIdleCallback: next task). */
export function whenIdle(fn: () => void, timeout?: number): void {
	if (typeof globalThis.requestIdleCallback === 'function') requestIdleCallback(() => fn(), timeout === undefined ? undefined : { timeout });
	else setTimeout(fn);
}
