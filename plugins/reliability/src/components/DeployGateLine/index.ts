export { DeployGateLine } from './DeployGateLine';
export type { DeployGateLineProps } from './DeployGateLine';
