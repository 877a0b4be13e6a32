export { PersonContact } from './PersonContact';
export type { PersonContactProps } from './PersonContact';
