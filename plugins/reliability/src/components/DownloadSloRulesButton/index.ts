export { DownloadSloRulesButton } from './DownloadSloRulesButton';
export type { DownloadSloRulesButtonProps } from './DownloadSloRulesButton';
