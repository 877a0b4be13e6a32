import Typography from '@mui/material/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ReportServiceRef } from '@preflight/plugin-reliability-common';

export interface ReportServiceLinkProps {
  serviceId: string;
  /** The report's map of service ids to entities. */
  services: ReadonlyArray<ReportServiceRef>;
}

/**
 * A service by the title of the entity it belongs to, linking to the
 * entity; by its provider id when no entity maps to it any more.
 */
export function ReportServiceLink(props: ReportServiceLinkProps) {
  const { serviceId, services } = props;
  const service = services.find(s => s.serviceId === serviceId);
  if (!service) {
    return (
      <Typography component="span" variant="body2" title="Not in the catalog">
        {serviceId}
      </Typography>
    );
  }
  return (
    <EntityRefLink
      entityRef={service.entityRef}
      defaultKind="component"
      disableTooltip
      // Always underlined: the link sits inside sentences and table text,
      // where colour alone does not set it apart (WCAG 1.4.1).
      underline="always"
    >
      {service.title}
    </EntityRefLink>
  );
}
