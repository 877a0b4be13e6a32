import { createHash } from 'node:crypto';
import type { FleetContactMethod, FleetUser } from '../fixtures/fleetTypes';
import { contactMethodReference, teamReference } from './references';
import type { RenderContext } from './renderContext';

const colors = [
  'purple',
  'green',
  'teal',
  'orange',
  'red',
  'blue',
  'brown',
  'cayenne',
];

/** A full contact method object (`email_contact_method`, `phone_contact_method`, ...). */
export function renderContactMethod(
  context: RenderContext,
  user: FleetUser,
  method: FleetContactMethod,
) {
  const base = {
    id: method.id,
    type: method.type,
    summary: method.label,
    self: `${context.apiBaseUrl}/users/${user.id}/contact_methods/${method.id}`,
    html_url: null,
    label: method.label,
    address: method.address,
  };
  if (method.type === 'email_contact_method') {
    return { ...base, send_short_email: false };
  }
  return {
    ...base,
    country_code: method.countryCode ?? 1,
    enabled: true,
    blacklisted: false,
  };
}

/**
 * A full `user` object. Contact methods are references unless
 * `include[]=contact_methods` asked for the full objects.
 */
export function renderUser(
  context: RenderContext,
  user: FleetUser,
  options: { contactMethods?: boolean } = {},
) {
  const emailHash = createHash('md5')
    .update(user.email.toLowerCase())
    .digest('hex');
  return {
    id: user.id,
    type: 'user',
    summary: user.name,
    self: `${context.apiBaseUrl}/users/${user.id}`,
    html_url: `${context.webBaseUrl}/users/${user.id}`,
    name: user.name,
    email: user.email,
    time_zone: user.timeZone,
    color: colors[parseInt(emailHash.slice(0, 2), 16) % colors.length],
    avatar_url: `https://secure.gravatar.com/avatar/${emailHash}.png?d=mm&r=PG`,
    description: null,
    invitation_sent: false,
    role: user.role,
    job_title: user.jobTitle,
    teams: user.teamIds.flatMap(id => {
      const team = context.index.teamsById.get(id);
      return team ? [teamReference(context, team)] : [];
    }),
    contact_methods: user.contactMethods.map(method =>
      options.contactMethods
        ? renderContactMethod(context, user, method)
        : contactMethodReference(context, user, method),
    ),
    notification_rules: [],
  };
}
