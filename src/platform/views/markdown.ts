import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** Markdown written by users (minutes, reports), rendered and sanitised on output. */
export function renderMarkdown(src: string): string {
  const html = marked.parse(src, { async: false, gfm: true, breaks: false });
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
    allowedAttributes: { a: ['href'] },
    allowedClasses: { '*': ['govuk-*'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: {
      p: sanitizeHtml.simpleTransform('p', { class: 'govuk-body' }),
      ul: sanitizeHtml.simpleTransform('ul', { class: 'govuk-list govuk-list--bullet' }),
      ol: sanitizeHtml.simpleTransform('ol', { class: 'govuk-list govuk-list--number' }),
      a: sanitizeHtml.simpleTransform('a', { class: 'govuk-link' }),
      h2: sanitizeHtml.simpleTransform('h2', { class: 'govuk-heading-m' }),
      h3: sanitizeHtml.simpleTransform('h3', { class: 'govuk-heading-s' }),
      h4: sanitizeHtml.simpleTransform('h4', { class: 'govuk-heading-s' }),
      table: sanitizeHtml.simpleTransform('table', { class: 'govuk-table' }),
    },
  });
}
