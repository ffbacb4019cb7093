/**
 * Paragraph anchors (`a.anchor`) stay ordinary links (they work without JavaScript); with
 * JavaScript a click also copies the absolute permalink and announces it.
 */
const status = document.getElementById('copy-status');

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.anchor') : null;
  if (!link || !navigator.clipboard) return;
  const url = new URL(link.getAttribute('href') ?? '', window.location.href).href;
  navigator.clipboard.writeText(url).then(
    () => {
      if (status) status.textContent = `링크를 복사했습니다: ${url}`;
      link.classList.add('copied');
      window.setTimeout(() => link.classList.remove('copied'), 1500);
    },
    () => {
      // Clipboard refused (insecure context, permissions): the link still navigates.
    },
  );
});

// A module, not a global script: its names stay local.
export {};
