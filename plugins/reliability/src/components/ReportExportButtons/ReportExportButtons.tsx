import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import type {
  ReliabilityReportResponse,
  ReportPeriod,
} from '@preflight/plugin-reliability-common';
import {
  downloadCsv,
  downloadFile,
  entityRefName,
  periodLastDay,
  reliabilityReportCsv,
  reliabilityReportMarkdown,
} from '../../utils';

/** @public */
export interface ReportExportButtonsProps {
  report: ReliabilityReportResponse;
}

function periodSlug(period: ReportPeriod): string {
  return period.kind === 'month'
    ? period.startDate.slice(0, 7)
    : `${period.startDate}_${periodLastDay(period)}`;
}

/** `reliability-report-team-payments-2026-11`, without a path separator. */
export function reportFileName(report: ReliabilityReportResponse): string {
  const subject = report.scope.ref
    ? entityRefName(report.scope.ref)
    : 'organization';
  return `reliability-report-${subject.replace(
    /[^A-Za-z0-9._-]+/g,
    '-',
  )}-${periodSlug(report.period)}`;
}

/**
 * The report as Markdown (for a review document) or CSV (for a
 * spreadsheet), written in the browser from what is on screen, and the
 * Markdown copied to the clipboard for pasting straight away.
 * @public
 */
export function ReportExportButtons(props: ReportExportButtonsProps) {
  const { report } = props;
  const [status, setStatus] = useState<string>();
  const name = reportFileName(report);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(reliabilityReportMarkdown(report));
      setStatus('Markdown copied');
    } catch {
      setStatus('Copying failed; download the Markdown instead');
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
      <Button
        size="small"
        variant="outlined"
        startIcon={<ContentCopyIcon />}
        onClick={copy}
      >
        Copy Markdown
      </Button>
      <Button
        size="small"
        variant="outlined"
        startIcon={<DownloadIcon />}
        onClick={() =>
          downloadFile(
            `${name}.md`,
            [reliabilityReportMarkdown(report)],
            'text/markdown;charset=utf-8',
          )
        }
      >
        Download Markdown
      </Button>
      <Button
        size="small"
        variant="outlined"
        startIcon={<DownloadIcon />}
        onClick={() => downloadCsv(`${name}.csv`, reliabilityReportCsv(report))}
      >
        Download CSV
      </Button>
      <Typography variant="caption" role="status">
        {status}
      </Typography>
    </Stack>
  );
}
