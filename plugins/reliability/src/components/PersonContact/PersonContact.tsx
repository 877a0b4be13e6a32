import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';
import PhoneOutlinedIcon from '@mui/icons-material/PhoneOutlined';
import type { OnCallPerson } from '@preflight/plugin-reliability-common';
import { personInitials } from '../../utils';
import { ExternalLink } from '../ExternalLink';

export interface PersonContactProps {
  person: OnCallPerson;
  /** Smaller picture and text, for tables. */
  dense?: boolean;
}

function phoneNumbers(person: OnCallPerson): string[] {
  const numbers = person.contactMethods
    .filter(method => method.type === 'phone' || method.type === 'sms')
    .map(method => method.address.trim())
    .filter(Boolean);
  return [...new Set(numbers)];
}

function telHref(phone: string): string {
  // tel: links want digits and a leading +, not the spaces people type.
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * A person with their picture (or initials) and one-click ways to reach
 * them: e-mail and phone.
 */
export function PersonContact(props: PersonContactProps) {
  const { person, dense = false } = props;
  const email =
    person.email ??
    person.contactMethods.find(method => method.type === 'email')?.address;
  const phones = phoneNumbers(person);
  return (
    <Stack direction="row" spacing={dense ? 1 : 1.5} alignItems="center">
      <Avatar
        src={person.avatarUrl}
        alt={person.name}
        sx={{
          width: dense ? 28 : 36,
          height: dense ? 28 : 36,
          bgcolor: 'primary.main',
          color: 'primary.contrastText',
          fontSize: dense ? '0.75rem' : '0.9rem',
        }}
      >
        {personInitials(person.name)}
      </Avatar>
      <Box sx={{ minWidth: 0 }}>
        <Typography
          variant={dense ? 'body2' : 'body1'}
          sx={{ fontWeight: 500 }}
        >
          {person.htmlUrl ? (
            <ExternalLink href={person.htmlUrl}>{person.name}</ExternalLink>
          ) : (
            person.name
          )}
        </Typography>
        <Stack
          direction="row"
          spacing={dense ? 1.5 : 2}
          useFlexGap
          flexWrap="wrap"
          sx={{ typography: dense ? 'caption' : 'body2' }}
        >
          {email && (
            <Link
              href={`mailto:${email}`}
              underline="hover"
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
            >
              <EmailOutlinedIcon fontSize="inherit" aria-hidden />
              {email}
            </Link>
          )}
          {phones.map(phone => (
            <Link
              key={phone}
              href={telHref(phone)}
              underline="hover"
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
            >
              <PhoneOutlinedIcon fontSize="inherit" aria-hidden />
              {phone}
            </Link>
          ))}
        </Stack>
      </Box>
    </Stack>
  );
}
