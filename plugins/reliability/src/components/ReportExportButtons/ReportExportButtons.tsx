import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import type {
  ReliabilityReportResponse,
  ReportPeriod,
} from '@preflight/plugin-reliability-common';
import { reliabilityApiRef } from '../../api';
import {
  downloadCsv,
  downloadFile,
  entityRefName,
  periodLastDay,
  reliabilityReportCsv,
  reliabilityReportMarkdown,
} from '../../utils';

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

/** The query that asks the backend for the report's period again. */
function periodQuery(period: ReportPeriod) {
  return period.kind === 'month'
    ? { month: period.startDate.slice(0, 7) }
    : { from: period.startDate, to: periodLastDay(period) };
}

/**
 * The report as Markdown (for a review document) or CSV (for a
 * spreadsheet), written in the browser from what is on screen, and the
 * Markdown copied to the clipboard for pasting straight away. For the
 * organisation and a team, every service as CSV from the backend: the page
 * lists 25 per section.
 */
export function ReportExportButtons(props: ReportExportButtonsProps) {
  const { report } = props;
  const api = useApi(reliabilityApiRef);
  const [status, setStatus] = useState<string>();
  const [exporting, setExporting] = useState(false);
  const name = reportFileName(report);
  const { scope } = report;

  const exportServices = async () => {
    setExporting(true);
    setStatus('Exporting every service…');
    try {
      const csv = await api.exportReportServices(
        scope.kind === 'group' && scope.ref ? { groupRef: scope.ref } : {},
        periodQuery(report.period),
      );
      downloadCsv(
        `${name.replace(/^reliability-report-/, 'reliability-services-')}.csv`,
        csv,
      );
      setStatus('Every service exported');
    } catch (error) {
      setStatus(
        `Exporting the services failed: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    } finally {
      setExporting(false);
    }
  };

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
      {scope.kind !== 'entity' && (
        <Button
          size="small"
          variant="outlined"
          startIcon={<DownloadIcon />}
          disabled={exporting}
          onClick={exportServices}
        >
          Download all services (CSV)
        </Button>
      )}
      <Typography variant="caption" role="status">
        {status}
      </Typography>
    </Stack>
  );
}
