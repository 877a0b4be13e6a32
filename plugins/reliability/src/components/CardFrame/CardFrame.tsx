import { ReactNode } from 'react';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';

export interface CardFrameProps {
  title: string;
  subheader?: ReactNode;
  /** Header actions (freshness, refresh). */
  action?: ReactNode;
  children: ReactNode;
}

/**
 * The frame every Preflight entity card shares: a titled region so the
 * card is one landmark for assistive technology, with actions on the
 * right of the header.
 */
export function CardFrame(props: CardFrameProps) {
  const { title, subheader, action, children } = props;
  return (
    <Card
      component="section"
      aria-label={title}
      sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}
    >
      <CardHeader
        title={title}
        subheader={subheader}
        titleTypographyProps={{ variant: 'h5', component: 'h2' }}
        action={
          action ? (
            <Stack
              direction="row"
              spacing={1}
              alignItems="center"
              sx={{ pt: 1, pr: 1 }}
            >
              {action}
            </Stack>
          ) : undefined
        }
      />
      <Divider />
      <CardContent sx={{ flex: 1 }}>
        <Stack spacing={2}>{children}</Stack>
      </CardContent>
    </Card>
  );
}
