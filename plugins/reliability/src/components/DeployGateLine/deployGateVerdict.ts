import type { DeployGateResponse } from '@preflight/plugin-reliability-common';

/** How a card shows the gate's answer: a headline and its tone. */
export interface DeployGateVerdict {
  headline: string;
  severity: 'success' | 'error' | 'warning';
  /** The explanation after the headline, e.g. why it cannot judge. */
  detail?: string;
}

const join = (response: DeployGateResponse) =>
  response.reasons.map(reason => reason.message).join('; ');

/**
 * The three answers of the gate, worded for people: allowed, blocked, or
 * cannot judge (then whether the `onUnknown` policy holds deploys or lets
 * them through), so an outage of the metrics source never reads as a green
 * "Deploys allowed". Shared by the SLO card and the glance card.
 */
export function deployGateVerdict(
  response: DeployGateResponse,
): DeployGateVerdict {
  switch (response.decision) {
    case 'allow':
      return { headline: 'Deploys allowed', severity: 'success' };
    case 'unknown':
      return {
        headline: response.allowed
          ? 'Deploy gate cannot judge: deploys let through'
          : 'Deploy gate cannot judge: deploys held',
        severity: 'warning',
        detail: join(response),
      };
    default:
      return {
        headline: 'Deploys blocked',
        severity: 'error',
        detail: join(response) || 'the error-budget policy says no',
      };
  }
}
