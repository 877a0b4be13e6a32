export { LabeledValue } from './LabeledValue';
export type { LabeledValueProps } from './LabeledValue';
