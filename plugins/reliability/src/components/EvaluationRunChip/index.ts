export { EvaluationRunChip } from './EvaluationRunChip';
export type { EvaluationRunChipProps } from './EvaluationRunChip';
