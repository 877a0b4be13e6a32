export { MetadataProblemAlert } from './MetadataProblemAlert';
export type { MetadataProblemAlertProps } from './MetadataProblemAlert';
