import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { ImportBlock, ParsedText } from './ImportBlock';
import { escapeInline } from './inlineText';
import { joinContinuations } from './joinContinuations';

/** The level given to a paragraph that is bold from end to end: a heading in all but markup. */
export const BOLD_LINE_LEVEL = 4;

/**
 * Blocks of a Markdown text (CommonMark and GFM tables). Headings keep their depth; a paragraph
 * entirely in bold is read as a heading (`BOLD_LINE_LEVEL`), as past declarations write their
 * workshop titles that way; `<sup>` in the text is kept as superscript, other HTML is dropped.
 */
export function parseMarkdown(markdown: string): ParsedText {
  const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const blocks: ImportBlock[] = [];
  const visit = (node: RootContent) => {
    switch (node.type) {
      case 'heading':
        blocks.push({ type: 'heading', level: node.depth, text: unbold(inline(node.children)) });
        return;
      case 'paragraph': {
        const text = inline(node.children).trim();
        if (text === '') return;
        if (isBoldLine(node)) blocks.push({ type: 'heading', level: BOLD_LINE_LEVEL, text: unbold(text) });
        else blocks.push({ type: 'paragraph', text });
        return;
      }
      case 'list': {
        let number = node.start ?? 1;
        for (const item of node.children) {
          const texts: string[] = [];
          const nested: RootContent[] = [];
          for (const child of item.children) {
            if (child.type === 'paragraph') texts.push(inline(child.children).trim());
            else nested.push(child);
          }
          const text = texts.filter((t) => t !== '').join(' ');
          if (text !== '') blocks.push(node.ordered ? { type: 'ordered', text, number: number++ } : { type: 'bullet', text });
          nested.forEach(visit);
        }
        return;
      }
      case 'table':
        // A GFM table always has its header row, the first.
        blocks.push({ type: 'table', rows: node.children.map((row) => row.children.map((cell) => inline(cell.children).trim())), header: true });
        return;
      case 'blockquote':
        node.children.forEach(visit);
        return;
      case 'code':
        if (node.value.trim() !== '') blocks.push({ type: 'paragraph', text: escapeInline(node.value.trim()) });
        return;
      case 'html': {
        const text = node.value.replace(/<[^>]*>/g, '').trim();
        if (text !== '') blocks.push({ type: 'paragraph', text: escapeInline(text) });
        return;
      }
      default:
        return; // thematic breaks, definitions, front matter: nothing a declaration keeps
    }
  };
  tree.children.forEach(visit);
  return { blocks: joinContinuations(blocks), warnings: [] };
}

function inline(nodes: readonly PhrasingContent[]): string {
  return nodes.map(inlineNode).join('');
}

function inlineNode(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
      return escapeInline(node.value.replace(/\s*\n\s*/g, ' '));
    case 'strong':
      return `<b>${inline(node.children)}</b>`;
    case 'emphasis':
      return `<i>${inline(node.children)}</i>`;
    case 'inlineCode':
      return escapeInline(node.value);
    case 'break':
      return ' ';
    case 'html': {
      const tag = /^<(\/?)sup\s*>$/i.exec(node.value.trim());
      return tag ? `<${tag[1]}sup>` : '';
    }
    default:
      return 'children' in node ? inline(node.children as PhrasingContent[]) : '';
  }
}

/** Whether every visible character of the paragraph is inside `strong`. */
function isBoldLine(paragraph: Paragraph): boolean {
  const bold = (node: Nodes, inStrong: boolean): boolean => {
    if (node.type === 'text') return inStrong || node.value.trim() === '';
    if (node.type === 'html' || node.type === 'break') return true;
    if (node.type === 'strong') return 'children' in node && node.children.every((c) => bold(c, true));
    if ('children' in node) return (node.children as Nodes[]).every((c) => bold(c, inStrong));
    return inStrong;
  };
  return paragraph.children.some((c) => c.type === 'strong' || c.type === 'emphasis') && paragraph.children.every((c) => bold(c, false));
}

/** A heading's text without the bold and italic its author wrapped it in (a heading is bold already). */
function unbold(text: string): string {
  return text.replace(/<\/?[bi]>/g, '').trim();
}
