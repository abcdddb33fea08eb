import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createViewEnvironment } from '../platform/views/nunjucks.js';

const env = createViewEnvironment();
const render = (call: string, ctx: Record<string, unknown>) =>
  env.renderString(`{% from "strategy/views/_tags.njk" import tagCheckboxes, tagList %}${call}`, ctx);

const priorities = [{ id: 11, name: 'Sufficient and stable placements', slug: 'sufficient-stable-placements' }, { id: 12, name: 'Permanency planning', slug: 'permanency-planning' }];
const principles = [{ id: 21, name: 'Your home' }, { id: 22, name: 'Your voice and influence' }];

describe('strategy/views/_tags.njk', () => {
  test('tagCheckboxes: two fieldsets with legends, the selected boxes checked (numbers or posted strings)', () => {
    const html = render('{{ tagCheckboxes(priorities, principles, selected, errors) }}', { priorities, principles, selected: { priorityIds: ['12'], principleIds: [21] }, errors: {} });
    assert.equal(html.match(/<fieldset/g)?.length, 2);
    assert.match(html, /<legend[^>]*>\s*Strategy priorities \(optional\)\s*<\/legend>/);
    assert.match(html, /<legend[^>]*>\s*Strategy principles \(optional\)\s*<\/legend>/);
    assert.match(html, /id="priorities" name="priorities" type="checkbox" value="11"(?! checked)/);
    assert.match(html, /name="priorities" type="checkbox" value="12" checked/);
    assert.match(html, /name="principles" type="checkbox" value="21" checked/);
    assert.match(html, /<label class="govuk-label govuk-checkboxes__label" for="priorities-2">\s*Permanency planning/);
  });

  test('tagCheckboxes: an error shows on its own fieldset, linked by the field name', () => {
    const html = render('{{ tagCheckboxes(priorities, principles, {}, errors) }}', { priorities, principles, errors: { principles: 'Select principles of the current strategy from the list' } });
    assert.match(html, /id="principles-error"[^>]*>\s*<span class="govuk-visually-hidden">Error:<\/span> Select principles of the current strategy/);
    assert.doesNotMatch(html, /priorities-error/);
    assert.match(html, /id="principles" name="principles"/, 'the error summary link #principles lands on the first box');
  });

  test('tagList: small tags for priorities then principles; nothing when untagged', () => {
    const html = render('{{ tagList(tags) }}', { tags: { priorities: [priorities[0]], principles: [principles[1]] } });
    assert.match(html, /govuk-tag--blue[^>]*>\s*Sufficient and stable placements/);
    assert.match(html, /govuk-tag--grey[^>]*>\s*Your voice and influence/);
    assert.ok(html.indexOf('Sufficient') < html.indexOf('Your voice'));
    assert.equal(render('{{ tagList(tags) }}', { tags: { priorities: [], principles: [] } }).trim(), '');
    assert.equal(render('{{ tagList(tags) }}', {}).trim(), '');
  });
});
