import type {
  ContactMethod,
  OnCallPerson,
} from '@preflight/plugin-reliability-common';
import type { PdContactMethod, PdUser } from '../client/pagerDutyTypes';

const CONTACT_TYPES: Record<string, ContactMethod['type']> = {
  email_contact_method: 'email',
  phone_contact_method: 'phone',
  sms_contact_method: 'sms',
  push_notification_contact_method: 'push',
};

/**
 * A PagerDuty user as an on-call person. Contact methods come from
 * `include[]=contact_methods`; bare references (no address) are skipped
 * because there is nothing to show or dial.
 */
export function mapPerson(user: PdUser): OnCallPerson {
  const person: OnCallPerson = {
    id: user.id,
    name: user.name ?? user.summary ?? user.id,
    contactMethods: (user.contact_methods ?? [])
      .map(mapContactMethod)
      .filter((method): method is ContactMethod => method !== undefined),
  };
  if (user.email) person.email = user.email;
  if (user.html_url) person.htmlUrl = user.html_url;
  if (user.avatar_url) person.avatarUrl = user.avatar_url;
  if (user.time_zone) person.timeZone = user.time_zone;
  return person;
}

function mapContactMethod(method: PdContactMethod): ContactMethod | undefined {
  if (!method.address) {
    return undefined;
  }
  const type = CONTACT_TYPES[method.type.replace(/_reference$/, '')] ?? 'other';
  // PagerDuty keeps the country code apart from the national number; a
  // number is only dialable with it.
  const address =
    (type === 'phone' || type === 'sms') &&
    method.country_code !== undefined &&
    !method.address.startsWith('+')
      ? `+${method.country_code} ${method.address}`
      : method.address;
  const mapped: ContactMethod = { type, address };
  if (method.label) mapped.label = method.label;
  return mapped;
}
