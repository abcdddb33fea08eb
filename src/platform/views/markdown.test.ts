import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown } from './markdown.js';

test('minutes in Markdown render with GOV.UK classes', () => {
  const html = renderMarkdown('The Board **noted** the report.\n\n- one\n- two');
  assert.match(html, /<p class="govuk-body">The Board <strong>noted<\/strong> the report.<\/p>/);
  assert.match(html, /<ul class="govuk-list govuk-list--bullet">/);
});

test('scripts, event handlers and javascript: links are removed', () => {
  const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href="https://example.org" onclick="x()">ok</a>');
  assert.doesNotMatch(html, /<script|onerror|onclick|href="javascript:|<img/);
  assert.match(html, /<a href="https:\/\/example.org" class="govuk-link">ok<\/a>/);
});
