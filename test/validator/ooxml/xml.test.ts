/**
 * The streaming XML tokenizer (validator/ooxml/xml.ts): the same events however the input is cut
 * into chunks; entities decoded; prefixes dropped; DOCTYPE and unknown entities refused.
 */
import { describe, expect, it } from 'vitest';
import { resolveTarget, relsPartOf } from '../../../validator/ooxml/package';
import { XmlError, XmlTokenizer } from '../../../validator/ooxml/xml';

function events(chunks: readonly string[]): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  const xml = new XmlTokenizer({
    open(name, tag) {
      flush();
      out.push(`open ${name} r=${tag.attr('r') ?? '-'} id=${tag.attr('id') ?? '-'}${tag.selfClosing ? ' /' : ''}`);
    },
    close(name) {
      flush();
      out.push(`close ${name}`);
    },
    text(t) {
      text += t;
    },
  });
  for (const c of chunks) xml.write(c);
  xml.end();
  flush();
  return out;
}

const DOC =
  '<?xml version="1.0"?>\n<x:worksheet xmlns:x="urn:x" xmlns:r="urn:r"><!-- note > here --><x:c r="A&amp;1" r:id=\'r&#x31;\' a=">"/>' +
  '<t xml:space="preserve">加碼 &lt;5&gt; &#128512;</t><v><![CDATA[<raw>]]></v></x:worksheet>';

describe('XmlTokenizer', () => {
  const expected = [
    'open worksheet r=- id=-',
    'open c r=A&1 id=r1 /',
    'close c',
    'open t r=- id=-',
    'text "加碼 <5> 😀"',
    'close t',
    'open v r=- id=-',
    'text "<raw>"',
    'close v',
    'close worksheet',
  ];

  it('reports tags, attributes (decoded, prefix dropped) and text', () => {
    expect(events([DOC])).toEqual(expected);
  });

  it('gives the same events for every split of the input into two or three chunks', () => {
    for (let i = 1; i < DOC.length; i++) {
      expect(events([DOC.slice(0, i), DOC.slice(i)]), `split at ${i}`).toEqual(expected);
      const j = Math.min(DOC.length - 1, i + 7);
      if (j > i) expect(events([DOC.slice(0, i), DOC.slice(i, j), DOC.slice(j)]), `split at ${i}, ${j}`).toEqual(expected);
    }
  });

  it('refuses a DOCTYPE, unknown entities, bad character references and truncated documents', () => {
    expect(() => events(['<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'])).toThrow(XmlError);
    expect(() => events(['<x>&nbsp;</x>'])).toThrow(/unknown entity/);
    expect(() => events(['<x>&#0;</x>'])).toThrow(/character reference/);
    expect(() => events(['<x><y>'])).toThrow(/truncated/);
    expect(() => events(['<x a="1'])).toThrow(/truncated/);
    expect(() => events(['<x/><y/>'])).toThrow(/second root/);
  });
});

/** A worksheet's shape: attributes asked for out of order, text wanted only inside `<v>`. */
const SHEET =
  '<worksheet><sheetData>\n  <row r="2"><c s="&#49;" r="B&#50;" t="s"><v>1</v></c><c r="C&#50;" s="7"><v>a&amp;b</v></c>' +
  '<c t="str" r="D2"><v>x&lt;y &amp; z</v></c><c r="E2"/></row>\n</sheetData><x a="&amp;">&amp;not read</x></worksheet>';

function sheetEvents(chunks: readonly string[]): string[] {
  const out: string[] = [];
  const span = { start: 0, end: 0 };
  const xml = new XmlTokenizer({
    open(name, tag, x) {
      x.wantText = name === 'v';
      if (name !== 'c') return out.push(`open ${name}`);
      const s = tag.attrSpan('s', span);
      const sText = s === undefined ? '-' : s.slice(span.start, span.end);
      const r = tag.attrSpan('r', span);
      out.push(`open c r=${r === undefined ? '-' : r.slice(span.start, span.end)} s=${sText} t=${tag.attr('t') ?? '-'}`);
    },
    close(name, x) {
      x.wantText = false;
      out.push(`close ${name}`);
    },
    text(t) {
      if (out[out.length - 1].startsWith('text ')) out[out.length - 1] += t;
      else out.push(`text ${t}`);
    },
  });
  for (const c of chunks) xml.write(c);
  xml.end();
  return out;
}

describe('XmlTokenizer on a worksheet', () => {
  const expected = [
    'open worksheet',
    'open sheetData',
    'open row',
    'open c r=B2 s=1 t=s',
    'open v',
    'text 1',
    'close v',
    'close c',
    'open c r=C2 s=7 t=-',
    'open v',
    'text a&b',
    'close v',
    'close c',
    'open c r=D2 s=- t=str',
    'open v',
    'text x<y & z',
    'close v',
    'close c',
    'open c r=E2 s=- t=-',
    'close c',
    'close row',
    'close sheetData',
    'open x',
    'close x',
    'close worksheet',
  ];

  it('decodes references in attributes asked for in any order, and in wanted text only, however the input is cut', () => {
    expect(sheetEvents([SHEET])).toEqual(expected);
    for (let i = 1; i < SHEET.length; i++) {
      expect(sheetEvents([SHEET.slice(0, i), SHEET.slice(i)]), `split at ${i}`).toEqual(expected);
      for (const j of [i + 1, i + 5, i + 17]) {
        if (j < SHEET.length) expect(sheetEvents([SHEET.slice(0, i), SHEET.slice(i, j), SHEET.slice(j)]), `split at ${i}, ${j}`).toEqual(expected);
      }
    }
  });
});

describe('relationship targets', () => {
  it('resolve relative, parent-relative, absolute and percent-encoded targets', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', './worksheets/a.xml')).toBe('xl/worksheets/a.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../media/image1.png')).toBe('xl/media/image1.png');
    expect(resolveTarget('xl/workbook.xml', '/xl/xl/worksheets/sheet1.xml')).toBe('xl/xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet%201.xml')).toBe('xl/worksheets/sheet 1.xml');
    expect(relsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relsPartOf('')).toBe('_rels/.rels');
  });
});
