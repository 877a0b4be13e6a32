import { screen } from '@testing-library/react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { ReportServiceLink } from './ReportServiceLink';

const SERVICES = [
  {
    serviceId: 'PCHKOUT',
    entityRef: 'component:default/checkout-api',
    title: 'Checkout API',
  },
];

async function renderLink(serviceId: string) {
  await renderInTestApp(
    <p>
      Longest: 2h 5m,{' '}
      <ReportServiceLink serviceId={serviceId} services={SERVICES} />
    </p>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('ReportServiceLink', () => {
  it('names a mapped service by its entity title and links to the entity', async () => {
    await renderLink('PCHKOUT');
    const link = screen.getByRole('link', { name: 'Checkout API' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api',
    );
  });

  it('is underlined, so it stands out from the text around it without colour', async () => {
    await renderLink('PCHKOUT');
    expect(
      screen.getByRole('link', { name: 'Checkout API' }).className,
    ).toMatch(/underlineAlways/);
  });

  it('shows the provider id of a service no entity maps to', async () => {
    await renderLink('PGONE01');
    expect(screen.getByText('PGONE01')).toHaveAttribute(
      'title',
      'Not in the catalog',
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
