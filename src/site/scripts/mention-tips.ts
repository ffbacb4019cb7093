/**
 * Mention tooltips show through CSS alone (:hover, :focus-visible). With JavaScript, Escape
 * also hides them until the pointer leaves the mention or focus moves (WCAG 1.4.13:
 * content on hover or focus is dismissible).
 */
const root = document.documentElement;
const DISMISSED = 'mention-tips-dismissed';

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') root.classList.add(DISMISSED);
});
document.addEventListener('focusin', () => root.classList.remove(DISMISSED));
document.addEventListener('pointerout', (event) => {
  const mention = event.target instanceof Element ? event.target.closest('.mention') : null;
  const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
  if (mention && !(to && mention.contains(to))) root.classList.remove(DISMISSED);
});

export {};
