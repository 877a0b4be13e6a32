export { formatDuration } from './formatDuration';
export { formatRelativeTime } from './formatRelativeTime';
export { formatDateTime } from './formatDateTime';
export { personInitials } from './personInitials';
export { sourceAccount } from './sourceAccount';
export { isResponseError } from './isResponseError';
export { retryAfterSeconds } from './retryAfterSeconds';
export {
  entityDisplayName,
  entityKind,
  sortGroupOnCallEntities,
} from './sortGroupOnCallEntities';
export type { NamedEntity } from './sortGroupOnCallEntities';
export {
  levelBands,
  levelColor,
  levelIndex,
  levelTitle,
  NO_LEVEL,
} from './scorecardLevels';
export type { LevelBand } from './scorecardLevels';
export { toCsv } from './toCsv';
export type { CsvCell } from './toCsv';
export { downloadCsv } from './downloadCsv';
export { downloadFile } from './downloadFile';
export {
  checkAttentionRank,
  groupScorecardChecks,
  isBlocking,
} from './groupScorecardChecks';
export type {
  CheckCategoryGroup,
  GroupedScorecardChecks,
} from './groupScorecardChecks';
export {
  NO_TEAM_SCORECARD_FILTER,
  teamScorecardQuery,
} from './teamScorecardRows';
export type {
  TeamScorecardColumn,
  TeamScorecardFilter,
} from './teamScorecardRows';
export {
  groupScorecardsHref,
  readTeamScorecardParams,
  TEAM_SCORECARD_PAGE_SIZES,
  writeTeamScorecardParams,
} from './teamScorecardSearchParams';
export type { TeamScorecardViewState } from './teamScorecardSearchParams';
export { formatDay } from './formatDay';
export { categoryTitle } from './categoryTitle';
export { entityRefName } from './entityRefName';
export {
  attestationValueLabel,
  driftCauseLabel,
  REVIEW_STATES,
  reviewEventLabel,
  reviewItemStatusLabel,
  reviewStateLabel,
} from './reviewLabels';
export { NO_REVIEW_BOARD_FILTER, reviewBoardQuery } from './reviewBoardQuery';
export type { ReviewBoardFilter } from './reviewBoardQuery';
export { sloHealth, worstSlo } from './sloHealth';
export type { SloHealth, SloHealthSeverity } from './sloHealth';
export {
  formatMonth,
  formatReportPeriod,
  lastWholeMonth,
  periodLastDay,
  shiftMonth,
} from './reportPeriod';
export {
  deltaArrow,
  directionLabel,
  formatDeltaChange,
  formatReportValue,
  MOVER_MEASURES,
  REPORT_HEADLINES,
  serviceRefIndex,
} from './reportFigures';
export type { ReportHeadline, ReportUnit } from './reportFigures';
export { REPORT_SLO_HEADLINES } from './reportSloFigures';
export type { ReportSloHeadline } from './reportSloFigures';
export {
  formatDurationMeasure,
  formatFairness,
  personLabel,
  reportNames,
  rotationLabel,
  unlistedNote,
} from './reportText';
export type { ReportNames } from './reportText';
export { reliabilityReportMarkdown } from './reportMarkdown';
export { reliabilityReportCsv } from './reportCsv';
