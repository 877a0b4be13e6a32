import type { ReliabilityApi } from '../api';

/** Every method of the API; the check below fails to compile when one is missing. */
const METHODS = [
  'getEntitySummary',
  'refreshEntity',
  'getSourcesHealth',
  'getGroupOnCall',
  'getEntitySlos',
  'getDeployGate',
  'getSloRules',
  'getEntityScorecard',
  'getGroupScorecards',
  'exportGroupScorecards',
  'getScorecardOverview',
  'previewRubricChange',
  'getOrganizationReport',
  'getGroupReport',
  'getEntityReport',
  'exportReportServices',
  'getGroupOnCallHealth',
  'getReviewTemplates',
  'getEntityReviews',
  'createReview',
  'getReview',
  'listReviews',
  'answerReviewItem',
  'reaffirmReviewItem',
  'waiveReviewItem',
  'submitReview',
  'signoffReviewSection',
  'requestReviewChanges',
  'cancelReview',
  'exportReview',
] as const satisfies ReadonlyArray<keyof ReliabilityApi>;

type Unlisted = Exclude<keyof ReliabilityApi, (typeof METHODS)[number]>;
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMethodListed;

/**
 * The one ReliabilityApi for component tests. Every method is a jest mock
 * (so a test can assert calls); those a test does not answer reject, so a
 * card calling an unexpected endpoint fails loudly instead of hanging on
 * `undefined`. Answers are plain functions or jest mocks, typed as the
 * API's own methods:
 *
 *   fakeReliabilityApi({ getEntitySummary: async () => checkoutApiSummary() })
 */
export function fakeReliabilityApi(
  answers: Partial<ReliabilityApi> = {},
): jest.Mocked<ReliabilityApi> {
  const api: Partial<Record<keyof ReliabilityApi, jest.Mock>> = {};
  for (const name of METHODS) {
    const answer = answers[name] as ((...args: any[]) => any) | undefined;
    if (answer && jest.isMockFunction(answer)) {
      api[name] = answer;
    } else if (answer) {
      api[name] = jest.fn(answer);
    } else {
      api[name] = jest.fn(async () => {
        throw new Error(`unexpected call to ReliabilityApi.${name}`);
      });
    }
  }
  return api as unknown as jest.Mocked<ReliabilityApi>;
}
