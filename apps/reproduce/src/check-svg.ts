const NAME = /^[A-Za-z_][\w.:-]*$/;
const ATTRIBUTES = /^(\s+[A-Za-z_][\w.:-]*\s*=\s*("[^"<]*"|'[^'<]*'))*\s*$/;

/**
 * Well-formedness check of a standalone SVG without a DOM: one root <svg> with the SVG namespace,
 * balanced and properly nested tags, quoted attributes, no stray '<'. Returns null when valid, else
 * what is wrong and where (character offset).
 */
export function svgProblem(text: string): string | null {
  const body = text.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>)?\s*(<!DOCTYPE[^>]*>)?\s*/, '');
  if (!body.startsWith('<svg')) return `expected the document to start with <svg, found '${body.slice(0, 20)}'`;
  const root = /^<svg\b[^>]*>/.exec(body);
  if (!root || !/\sxmlns\s*=\s*["']http:\/\/www\.w3\.org\/2000\/svg["']/.test(root[0])) {
    return 'expected the root <svg> to declare xmlns="http://www.w3.org/2000/svg"';
  }
  const stack: string[] = [];
  let seenRoot = false;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    if (lt < 0) break;
    if (stack.length === 0 && seenRoot && body.slice(i, lt).trim() !== '')
      return `content after the root element at ${i}`;
    if (body.startsWith('<!--', lt)) {
      const end = body.indexOf('-->', lt + 4);
      if (end < 0) return `unterminated comment at ${lt}`;
      i = end + 3;
      continue;
    }
    if (body.startsWith('<![CDATA[', lt)) {
      const end = body.indexOf(']]>', lt);
      if (end < 0) return `unterminated CDATA at ${lt}`;
      i = end + 3;
      continue;
    }
    const gt = body.indexOf('>', lt);
    if (gt < 0) return `unterminated tag at ${lt}`;
    const tag = body.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) return `closing </${name}> at ${lt} does not match <${open ?? '(nothing)'}>`;
    } else {
      const selfClosing = tag.endsWith('/');
      const inner = selfClosing ? tag.slice(0, -1) : tag;
      const name = /^[^\s/]+/.exec(inner)?.[0] ?? '';
      if (!NAME.test(name)) return `bad tag name '${name}' at ${lt}`;
      if (!ATTRIBUTES.test(inner.slice(name.length))) return `malformed attributes in <${name}> at ${lt}`;
      if (stack.length === 0) {
        if (seenRoot) return `second root element <${name}> at ${lt}`;
        seenRoot = true;
      }
      if (!selfClosing) stack.push(name);
    }
    i = gt + 1;
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}> at the end`;
  if (!seenRoot) return 'no root element';
  return null;
}
