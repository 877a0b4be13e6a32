import { gaTemplate, storedReview } from '../__testUtils__/reviewFixtures';
import { toReview } from './buildReviewView';
import { renderReviewMarkdown } from './renderReviewMarkdown';

describe('renderReviewMarkdown', () => {
  it('escapes what users typed so it cannot restructure the record', () => {
    const review = toReview({
      review: storedReview({
        entityTitle: 'Checkout | <b>API</b>',
        body: {
          answers: {
            'load-test': {
              value: 'yes',
              evidence: [
                {
                  url: 'https://wiki.example.com/Load_(2x) test',
                  title: 'Report](https://evil.example.com)',
                },
              ],
              note: 'line one\n# not a heading',
              answeredBy: 'user:default/dana',
              answeredAt: '2026-12-01T10:00:00.000Z',
              expiresAt: null,
            },
          },
        },
      }),
      templates: [gaTemplate],
      live: new Map(),
      eligibility: () => ({ allowed: true }),
      now: new Date('2026-12-02T10:00:00.000Z'),
    });
    const md = renderReviewMarkdown(
      review,
      [
        {
          seq: 1,
          at: '2026-12-01T10:00:00.000Z',
          actor: 'user:default/dana',
          action: 'created',
          stateAfter: 'draft',
        },
      ],
      '2026-12-02T10:00:00.000Z',
    );
    expect(md).toContain(
      '# Readiness review: Checkout \\| \\<b\\>API\\</b\\> (ga)',
    );
    expect(md).toContain(
      '  - Evidence: [Report\\](https://evil.example.com)](https://wiki.example.com/Load_%282x%29%20test)',
    );
    expect(md).toContain('  - Note: line one # not a heading');
    expect(md).toContain(
      '| 1 | 2026-12-01T10:00:00.000Z | user:default/dana | created |  → draft |  |  |',
    );
  });
});
