/** Text and attribute values in the SVG/HTML string builder: the five special characters escaped, all else kept. */
import { describe, expect, it } from 'vitest';
import { el, escapeXml, text } from '../../src/charts/svg.ts';

describe('escaping', () => {
  it('escapes each of & < > " \' wherever it is, and returns other text as it is', () => {
    expect(escapeXml(`Tom & Jerry's <b> "x"`)).toBe('Tom &amp; Jerry&#39;s &lt;b&gt; &quot;x&quot;');
    expect(escapeXml("'")).toBe('&#39;');
    expect(escapeXml('M1,2l3-4z Côte d’Ivoire')).toBe('M1,2l3-4z Côte d’Ivoire');
    expect(text('a<b')).toBe('a&lt;b');
  });
  it('builds nested elements with escaped attributes, in order', () => {
    expect(el('g', { class: 'a"b', n: 1.26 }, [el('path', { d: 'M0,0' }), [null, text('&')]], false)).toBe('<g class="a&quot;b" n="1.3"><path d="M0,0"/>&amp;</g>');
  });
});
