import type Ajv from 'ajv';
import addFormats from 'ajv-formats';

function isIanaZone(value: string): boolean {
  try {
    return (
      new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions()
        .timeZone !== ''
    );
  } catch {
    return false;
  }
}

/**
 * Registers every `format` the PagerDuty schema uses. ajv-formats covers the
 * standard ones; the rest are PagerDuty's own names and are given real
 * checks here rather than being ignored:
 * - `tzinfo`: an IANA zone (`America/New_York`), as user time zones are;
 * - `activesupport-time-zone`: an IANA zone or a Rails zone name such as
 *   `Eastern Time (US & Canada)`, as schedule time zones are;
 * - `partial-time`: `HH:MM:SS` (RFC 3339);
 * - `float` / `double`: finite numbers.
 */
export function addPagerDutyFormats(ajv: Ajv): void {
  addFormats(ajv);
  ajv.addFormat('tzinfo', { type: 'string', validate: isIanaZone });
  ajv.addFormat('activesupport-time-zone', {
    type: 'string',
    validate: value =>
      isIanaZone(value) || /^[A-Z][A-Za-z .&'()-]*$/.test(value),
  });
  ajv.addFormat('partial-time', /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?$/);
  ajv.addFormat('float', { type: 'number', validate: Number.isFinite });
  ajv.addFormat('double', { type: 'number', validate: Number.isFinite });
}
