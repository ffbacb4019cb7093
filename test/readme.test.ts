import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { withRulesTable } from '../scripts/readme-rules.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README rule table matches src/compiler/rules.ts (run scripts/readme-rules.ts)', () => {
  expect(readme).toBe(withRulesTable(readme));
});

test('the README gives the two commands', () => {
  expect(readme).toContain('npm install && npm start');
  expect(readme).toMatch(/^npm test/mu);
});
