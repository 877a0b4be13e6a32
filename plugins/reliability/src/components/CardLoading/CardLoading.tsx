import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';

export interface CardLoadingProps {
  /** What is loading, for assistive technology, e.g. "Loading on-call". */
  label: string;
  /** Number of placeholder rows. */
  rows?: number;
}

/** Placeholder with the rough shape of a card's content while it loads. */
export function CardLoading(props: CardLoadingProps) {
  const { label, rows = 3 } = props;
  return (
    <Box>
      <LinearProgress aria-label={label} />
      <Stack spacing={1.5} sx={{ mt: 2 }} aria-hidden>
        {Array.from({ length: rows }, (_, index) => (
          <Stack key={index} direction="row" spacing={1.5} alignItems="center">
            <Skeleton variant="circular" width={32} height={32} />
            <Box sx={{ flex: 1 }}>
              <Skeleton variant="text" width="45%" />
              <Skeleton variant="text" width="70%" />
            </Box>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}
