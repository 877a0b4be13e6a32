import type {
  Review,
  ReviewCheckState,
  ReviewEvent,
} from '@preflight/plugin-reliability-common';

/** Markdown-safe text on one line (table cells, list items). */
function inline(value: string): string {
  return value
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_[\]|<>])/g, '\\$1')
    .trim();
}

/** A URL as a Markdown link target: spaces and parentheses would end it early. */
function linkTarget(url: string): string {
  return encodeURI(url).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function checkLine(label: string, state: ReviewCheckState): string {
  const facts = state.facts
    .map(f => `${inline(f.label)}: ${inline(String(f.value))}`)
    .join('; ');
  return `  - ${label}: **${state.state}** — ${inline(state.message)}${
    facts ? ` (${facts})` : ''
  }`;
}

/**
 * The review record as Markdown, for an auditor: template and version,
 * every item with its answer, evidence, snapshots and live state, the
 * sign-offs, the drift causes and the full event log.
 */
export function renderReviewMarkdown(
  review: Review,
  events: ReviewEvent[],
  generatedAt: string,
): string {
  const lines: string[] = [
    `# Readiness review: ${inline(
      review.entityTitle ?? review.entityRef,
    )} (${inline(review.stage)})`,
    '',
    `| | |`,
    `|---|---|`,
    `| Entity | ${inline(review.entityRef)} |`,
    `| Template | ${inline(review.templateTitle)} (${inline(
      review.templateId,
    )}, version ${review.templateVersion}) |`,
    `| State | ${review.state} |`,
    `| DRI | ${inline(review.dri)} |`,
    `| Tier | ${inline(review.tier ?? 'none')}${
      review.tierAtOpen && review.tierAtOpen !== review.tier
        ? ` (${inline(review.tierAtOpen)} when opened)`
        : ''
    } |`,
    `| Target date | ${review.targetDate ?? 'none'} |`,
    `| Opened | ${review.createdAt} |`,
    `| Last change | ${review.updatedAt} (version ${review.version}) |`,
    `| Exported | ${generatedAt} |`,
    '',
  ];
  for (const warning of review.warnings) {
    lines.push(`> Warning: ${inline(warning)}`, '');
  }
  if (review.drift.length > 0) {
    lines.push('## Drift', '');
    for (const cause of review.drift) {
      lines.push(`- ${inline(cause.message)} (since ${cause.since})`);
    }
    lines.push('');
  }
  for (const section of review.sections) {
    lines.push(`## ${inline(section.title)}`, '');
    lines.push(
      `Reviewers: ${section.reviewerGroups.map(inline).join(', ')}. ${
        section.signoff
          ? `Signed by ${inline(section.signoff.by)} at ${section.signoff.at}${
              section.signoff.comment
                ? `: "${inline(section.signoff.comment)}"`
                : ''
            }.`
          : 'Not signed.'
      }`,
      '',
    );
    for (const item of section.items) {
      lines.push(
        `- **${inline(item.title)}** (${item.kind}${
          item.checkId ? ` ${inline(item.checkId)}` : ''
        }): ${item.status}`,
      );
      if (item.answer) {
        const a = item.answer;
        lines.push(
          `  - Answer: **${a.value}** by ${inline(a.answeredBy)} at ${
            a.answeredAt
          }${a.expiresAt ? `, expires ${a.expiresAt}` : ''}`,
        );
        if (a.reason) {
          lines.push(`  - Reason: ${inline(a.reason)}`);
        }
        for (const link of a.evidence) {
          lines.push(
            `  - Evidence: [${inline(link.title ?? link.url)}](${linkTarget(
              link.url,
            )})`,
          );
        }
        if (a.note) {
          lines.push(`  - Note: ${inline(a.note)}`);
        }
      }
      if (item.snapshot) {
        lines.push(
          checkLine(
            `Snapshot at ${item.snapshot.reason} (${item.snapshot.capturedAt})`,
            item.snapshot,
          ),
        );
      }
      if (item.live) {
        lines.push(
          checkLine(`Live (evaluated ${item.live.evaluatedAt})`, item.live),
        );
      }
      if (item.waiver) {
        lines.push(
          `  - Waived by ${inline(item.waiver.by)} at ${
            item.waiver.at
          }: ${inline(item.waiver.reason)}`,
        );
      }
    }
    lines.push('');
  }
  lines.push(
    '## Event log',
    '',
    '| # | At | Actor | Action | State | Where | Details |',
    '|---|---|---|---|---|---|---|',
  );
  for (const event of events) {
    lines.push(
      `| ${event.seq} | ${event.at} | ${inline(event.actor)} | ${inline(
        event.action,
      )} | ${
        event.stateBefore || event.stateAfter
          ? `${event.stateBefore ?? ''} → ${event.stateAfter ?? ''}`
          : ''
      } | ${inline(
        [event.sectionId, event.itemId].filter(Boolean).join('/'),
      )} | ${event.details ? inline(JSON.stringify(event.details)) : ''} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
