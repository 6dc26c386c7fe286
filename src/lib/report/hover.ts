/**
 * An attachment that reports pointer hover and keyboard focus inside an element (mouseenter/leave and
 * focusin/out), for highlighting without making a non-interactive element interactive.
 */
import type { Attachment } from 'svelte/attachments';

export function hoverFocus(enter: () => void, leave: () => void): Attachment<HTMLElement> {
	return (el) => {
		let hovered = false;
		let focused = false;
		const update = () => (hovered || focused ? enter() : leave());
		const over = () => ((hovered = true), update());
		const out = () => ((hovered = false), update());
		const fin = () => ((focused = true), update());
		const fout = (e: FocusEvent) => {
			if (e.relatedTarget instanceof Node && el.contains(e.relatedTarget)) return;
			focused = false;
			update();
		};
		el.addEventListener('mouseenter', over);
		el.addEventListener('mouseleave', out);
		el.addEventListener('focusin', fin);
		el.addEventListener('focusout', fout);
		return () => {
			el.removeEventListener('mouseenter', over);
			el.removeEventListener('mouseleave', out);
			el.removeEventListener('focusin', fin);
			el.removeEventListener('focusout', fout);
		};
	};
}
