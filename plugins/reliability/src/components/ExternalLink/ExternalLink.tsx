import { ReactNode } from 'react';
import Link from '@mui/material/Link';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';

export interface ExternalLinkProps {
  href: string;
  children: ReactNode;
}

/**
 * A link that leaves Backstage (PagerDuty, a wiki): opens in a new tab
 * without giving the target page a handle on this one.
 */
export function ExternalLink(props: ExternalLinkProps) {
  const { href, children } = props;
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      underline="hover"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
    >
      {children}
      <OpenInNewIcon sx={{ fontSize: '0.9em' }} aria-hidden />
    </Link>
  );
}
