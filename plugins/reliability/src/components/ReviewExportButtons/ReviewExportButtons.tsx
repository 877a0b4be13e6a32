import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import { useApi } from '@backstage/core-plugin-api';
import type { ReviewSummary } from '@preflight/plugin-reliability-common';
import { reliabilityApiRef, ReviewExportFormat } from '../../api';
import { downloadFile, entityRefName } from '../../utils';

export interface ReviewExportButtonsProps {
  review: Pick<ReviewSummary, 'id' | 'entityRef' | 'stage'>;
}

const FORMATS: Array<{
  format: ReviewExportFormat;
  label: string;
  extension: string;
  type: string;
}> = [
  {
    format: 'markdown',
    label: 'Download Markdown',
    extension: 'md',
    type: 'text/markdown;charset=utf-8',
  },
  {
    format: 'json',
    label: 'Download JSON',
    extension: 'json',
    type: 'application/json;charset=utf-8',
  },
];

/**
 * Downloads the review record (template version, answers, evidence,
 * snapshots, sign-offs, event log) as the backend renders it, e.g. as
 * audit evidence, named `<entity>-<stage>-readiness-review.<ext>`.
 */
export function ReviewExportButtons(props: ReviewExportButtonsProps) {
  const { review } = props;
  const api = useApi(reliabilityApiRef);
  const [busy, setBusy] = useState<ReviewExportFormat>();
  const [error, setError] = useState<string>();

  const download = async (entry: (typeof FORMATS)[number]) => {
    setBusy(entry.format);
    setError(undefined);
    try {
      const text = await api.exportReview(review.id, entry.format);
      downloadFile(
        `${entityRefName(review.entityRef)}-${review.stage}-readiness-review.${
          entry.extension
        }`,
        [text],
        entry.type,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Stack
      direction="row"
      spacing={1}
      alignItems="center"
      useFlexGap
      flexWrap="wrap"
    >
      {FORMATS.map(entry => (
        <Button
          key={entry.format}
          size="small"
          variant="outlined"
          startIcon={<DownloadIcon />}
          disabled={busy !== undefined}
          onClick={() => download(entry)}
        >
          {entry.label}
        </Button>
      ))}
      {error && (
        <Typography variant="caption" color="error" role="alert">
          Export failed: {error}
        </Typography>
      )}
    </Stack>
  );
}
