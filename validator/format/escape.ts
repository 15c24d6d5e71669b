/**
 * Escaping for the markup outputs. Every value that came from a user's file goes through these
 * before it reaches HTML or XML.
 */

/** Characters XML 1.0 cannot hold at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for HTML element content and quoted attribute values.
 * @example escapeHtml('<b title="x">&') === '&lt;b title=&quot;x&quot;&gt;&amp;'
 */
export function escapeHtml(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(/[&<>"'`]/g, (c) => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/**
 * Escapes text for XML content and attributes; characters XML cannot represent become U+FFFD.
 * @example escapeXml('a < b & "c"') === 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '\uFFFD')
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!)
    .replace(/\r/g, '&#13;');
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** JSON for a `<script>` block: `<`, `>`, `&`, U+2028/9 escaped so the data can never close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
