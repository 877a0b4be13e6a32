import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { SloRulesResponse } from '@preflight/plugin-reliability-common';
import { reliabilityApiRef } from '../../api';

export interface DownloadSloRulesButtonProps {
  entityRef: string;
}

// Hands the text to the browser as a file: a Blob URL on a temporary link,
// released right after the click has been dispatched.
function saveText(text: string, fileName: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'application/yaml' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

function LeftOut(props: { rules: SloRulesResponse }) {
  const { rules } = props;
  if (rules.problems.length === 0) {
    return null;
  }
  return (
    <Alert severity={rules.yaml === null ? 'error' : 'warning'} role="status">
      {rules.yaml === null
        ? 'No rules were downloaded: none of the SLOs can be exported.'
        : `The rules leave out ${rules.problems.length} SLO${
            rules.problems.length === 1 ? '' : 's'
          }:`}
      <Box
        component="ul"
        aria-label="SLOs left out of the rules"
        sx={{ m: 0, pl: 2 }}
      >
        {rules.problems.map(problem => (
          <li key={`${problem.sloId} ${problem.field}`}>
            <strong>{problem.sloId}</strong> (<code>{problem.file}</code>,{' '}
            <code>{problem.field}</code>): {problem.message}
            {problem.fix && <> Fix: {problem.fix}</>}
          </li>
        ))}
      </Box>
    </Alert>
  );
}

/**
 * Downloads the Prometheus recording and alerting rules of the entity's
 * SLOs as `<name>-slo-rules.yaml`, through the authenticated API client,
 * and lists the SLOs the rules leave out, and why.
 */
export function DownloadSloRulesButton(props: DownloadSloRulesButtonProps) {
  const { entityRef } = props;
  const api = useApi(reliabilityApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [rules, setRules] = useState<SloRulesResponse>();

  const download = async () => {
    setBusy(true);
    setError(undefined);
    setRules(undefined);
    try {
      const answer = await api.getSloRules(entityRef);
      setRules(answer);
      if (answer.yaml !== null) {
        saveText(
          answer.yaml,
          `${parseEntityRef(entityRef).name}-slo-rules.yaml`,
        );
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Tooltip
        title="Recording and alerting rules for Prometheus"
        describeChild
      >
        <Button
          size="small"
          variant="outlined"
          color={error ? 'error' : 'primary'}
          startIcon={<DownloadIcon />}
          onClick={download}
          disabled={busy}
        >
          Download Prometheus rules
        </Button>
      </Tooltip>
      {error && (
        <Typography variant="caption" color="error" role="alert">
          Download failed: {error}
        </Typography>
      )}
      {rules && <LeftOut rules={rules} />}
    </>
  );
}
