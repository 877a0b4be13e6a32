export {
  GROUP_SCORECARDS_TAB_PATH,
  GroupScorecardsLink,
} from './GroupScorecardsLink';
export type { GroupScorecardsLinkProps } from './GroupScorecardsLink';
