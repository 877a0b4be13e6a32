/*
 * Runs the axe accessibility engine on the page as it is now and fails on
 * any serious or critical violation of WCAG 2.1 A/AA, naming each rule, why
 * it matters and the elements at fault, so the failure says what to fix.
 */
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The impacts that fail a page; moderate and minor ones are reported only. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Checks the page with axe and throws when it has serious or critical
 * violations. `what` names the page in the failure, e.g. "checkout-api
 * overview (dark, 1024 px)".
 */
export async function checkAccessibility(
  page: Page,
  what: string,
  /** A CSS selector to check only part of the page, e.g. one card. */
  include?: string,
) {
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  const results = await (include
    ? builder.include(include)
    : builder
  ).analyze();
  const failing = results.violations.filter(violation =>
    FAILING_IMPACTS.has(violation.impact ?? ''),
  );
  const report = failing
    .map(violation => {
      const targets = violation.nodes
        .slice(0, 5)
        .map(
          node => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`,
        )
        .join('\n');
      const more =
        violation.nodes.length > 5
          ? `\n    … and ${violation.nodes.length - 5} more`
          : '';
      return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${targets}${more}`;
    })
    .join('\n');
  assert.equal(
    failing.length,
    0,
    `${what}: ${failing.length} serious or critical accessibility violation(s):\n${report}`,
  );
}
