export { TeamRankingTable } from './TeamRankingTable';
export type { TeamRankingTableProps } from './TeamRankingTable';
