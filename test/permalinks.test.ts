import { describe, expect, test } from 'vitest';
import { anchorsOf, checkPermalinks, entriesOf, formatRegistry, missingMessage, parseRedirects, parseRegistry, redirectPage } from '../src/site/lib/permalinks.ts';

describe('permalink registry', () => {
  test('format and parse round-trip; consecutive line anchors become one range, in natural order', () => {
    const entries = ['/docs/a/', '/docs/a/#L10', '/docs/a/#L9', '/docs/a/#L11', '/docs/a/#L13', '/docs/a/#IV-1', '/agencies/x/#names', '/'];
    const text = formatRegistry(entries);
    expect(text).toContain('/docs/a/#L9..L11\n/docs/a/#L13\n');
    expect(parseRegistry(text).sort()).toEqual([...entries].sort());
    expect(text.startsWith('#')).toBe(true);
  });

  test('anchors are the ids inside <main>, without page furniture', () => {
    const html = '<body><header><input id="site-search-input"></header><main id="main"><h2 id="IV-1">x</h2><p id="L5">y</p><h2 id="names-heading">n</h2><nav id="toc-heading-sidebar"></nav><a id="fn-1"></a><span id="mention-term-vc"></span><p id="a&amp;b"></p></main><p id="copy-status"></p></body>';
    expect(anchorsOf(html).sort()).toEqual(['IV-1', 'L5', 'a&b', 'fn-1']);
    expect(entriesOf(new Map([['/docs/a/', ['L5', 'IV-1']]]))).toEqual(['/docs/a/', '/docs/a/#IV-1', '/docs/a/#L5']);
  });

  test('a removed URL or anchor is reported unless a redirect moves it; a moved page takes its anchors along', () => {
    const registry = ['/docs/a/', '/docs/a/#L5', '/docs/a/#L6', '/docs/b/', '/docs/b/#IV-1', '/docs/c/', '/docs/c/#L1'];
    const current = new Set(['/docs/a/', '/docs/a/#L6', '/docs/a/#L7', '/docs/b2/', '/docs/b2/#IV-1', '/docs/d/']);
    const none = checkPermalinks(registry, current, []);
    expect(none.missing).toEqual(['/docs/a/#L5', '/docs/b/', '/docs/b/#IV-1', '/docs/c/', '/docs/c/#L1']);
    expect(none.unregistered).toEqual(['/docs/a/#L7', '/docs/b2/', '/docs/b2/#IV-1', '/docs/d/']);
    const redirects = [
      { from: '/docs/a/#L5', to: '/docs/a/#L6', reason: 'paragraph merged' },
      { from: '/docs/b/', to: '/docs/b2/', reason: 'document id corrected' },
    ];
    const some = checkPermalinks(registry, current, redirects);
    expect(some.missing).toEqual(['/docs/c/', '/docs/c/#L1']);
    const message = missingMessage(some);
    expect(message).toContain('2 published URL(s) or anchor(s) would disappear [kb:permalink/removed]');
    expect(message).toContain('  /docs/c/#L1');
    expect(message).toContain('content/redirects.yaml');
    expect(checkPermalinks(registry, current, [{ from: '/docs/c/', to: '/docs/zz/', reason: 'x' }]).brokenRedirects).toHaveLength(1);
  });

  test('redirects: a schema with reasons; an anchor can only move within its page', () => {
    expect(parseRedirects('- from: /docs/a/\n  to: /docs/b/#L3\n  reason: renamed\n')).toEqual([{ from: '/docs/a/', to: '/docs/b/#L3', reason: 'renamed' }]);
    expect(() => parseRedirects('- from: /docs/a/\n  to: /docs/b/\n')).toThrow('content/redirects.yaml:1:3 error Unexpected missing field `reason` in `0`: add it (expected string) [kb:permalink/redirect-invalid]');
    expect(() => parseRedirects('- from: docs/a\n  to: /docs/b/\n  reason: x\n')).toThrow(/redirects\.yaml:1:9 error Unexpected value in `0\.from`: a site path/);
    expect(() => parseRedirects('- from: /docs/a/#L3\n  to: /docs/b/#L3\n  reason: x\n')).toThrow(/redirects\.yaml:2:7 error .*can only move within its page/);
    // Another origin written as a path (protocol-relative) is not a site path.
    for (const to of ['//evil.example/', '/\\evil.example/']) expect(() => parseRedirects(`- from: /docs/a/\n  to: "${to.replace(/\\/g, '\\\\')}"\n  reason: x\n`), to).toThrow(/redirects\.yaml:2:7 error Unexpected value in `0\.to`/);
    expect(() => parseRedirects('- from: /docs/a/\n  tо: /docs/b/\n  reason: x\n')).toThrow(/Unexpected key `tо` in `0`: allowed keys are from, to, reason/);
    expect(parseRedirects('[]\n')).toEqual([]);
    expect(parseRedirects('# none yet\n')).toEqual([]);
    expect(() => parseRedirects('- &a { from: /docs/a/, to: /docs/b/, reason: x }\n- *a\n')).not.toThrow();
  });

  test('a redirect page works on any static host: canonical link, refresh, a link, escaped', () => {
    const html = redirectPage('/docs/b/?x=1&y="2"', 'https://kb.example/docs/b/');
    expect(html).toContain('<link rel="canonical" href="https://kb.example/docs/b/">');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/docs/b/?x=1&amp;y=&quot;2&quot;">');
    expect(html).toContain('<a href="/docs/b/?x=1&amp;y=&quot;2&quot;">');
  });
});
