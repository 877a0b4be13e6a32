import type { ReliabilityApi } from '../api';

/**
 * A ReliabilityApi whose every method is a jest mock that rejects unless a
 * test gives it an answer, so a card calling an unexpected endpoint fails
 * loudly instead of hanging on `undefined`.
 */
export function fakeReliabilityApi(
  answers: Partial<jest.Mocked<ReliabilityApi>> = {},
): jest.Mocked<ReliabilityApi> {
  const unexpected = (name: string) =>
    jest.fn(async () => {
      throw new Error(`unexpected call to ReliabilityApi.${name}`);
    });
  return {
    getEntitySummary: unexpected('getEntitySummary'),
    refreshEntity: unexpected('refreshEntity'),
    getSourcesHealth: unexpected('getSourcesHealth'),
    getGroupOnCall: unexpected('getGroupOnCall'),
    getEntitySlos: unexpected('getEntitySlos'),
    getDeployGate: unexpected('getDeployGate'),
    getSloRules: unexpected('getSloRules'),
    getEntityScorecard: unexpected('getEntityScorecard'),
    getGroupScorecards: unexpected('getGroupScorecards'),
    exportGroupScorecards: unexpected('exportGroupScorecards'),
    getScorecardOverview: unexpected('getScorecardOverview'),
    previewRubricChange: unexpected('previewRubricChange'),
    getOrganizationReport: unexpected('getOrganizationReport'),
    getGroupReport: unexpected('getGroupReport'),
    getEntityReport: unexpected('getEntityReport'),
    exportReportServices: unexpected('exportReportServices'),
    getGroupOnCallHealth: unexpected('getGroupOnCallHealth'),
    getReviewTemplates: unexpected('getReviewTemplates'),
    getEntityReviews: unexpected('getEntityReviews'),
    createReview: unexpected('createReview'),
    getReview: unexpected('getReview'),
    listReviews: unexpected('listReviews'),
    answerReviewItem: unexpected('answerReviewItem'),
    reaffirmReviewItem: unexpected('reaffirmReviewItem'),
    waiveReviewItem: unexpected('waiveReviewItem'),
    submitReview: unexpected('submitReview'),
    signoffReviewSection: unexpected('signoffReviewSection'),
    requestReviewChanges: unexpected('requestReviewChanges'),
    cancelReview: unexpected('cancelReview'),
    exportReview: unexpected('exportReview'),
    ...answers,
  } as jest.Mocked<ReliabilityApi>;
}
