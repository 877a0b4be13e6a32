export { EntitySearchField } from './EntitySearchField';
export type { EntitySearchFieldProps } from './EntitySearchField';
