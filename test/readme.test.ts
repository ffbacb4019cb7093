import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { RULES } from '../src/compiler/rules.ts';

test('the README documents every compiler rule and error', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const missing = Object.keys(RULES).filter((id) => !readme.includes(`\`${id}\``));
  expect(missing).toEqual([]);
});

test('the README gives the two commands', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme).toContain('npm install && npm start');
  expect(readme).toMatch(/^npm test/mu);
});
