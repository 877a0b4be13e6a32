import { useState } from 'react';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { reliabilityApiRef } from '../../api';

/** @public */
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

/**
 * Downloads the Prometheus recording and alerting rules of the entity's
 * SLOs as `<name>-slo-rules.yaml`, through the authenticated API client.
 * @public
 */
export function DownloadSloRulesButton(props: DownloadSloRulesButtonProps) {
  const { entityRef } = props;
  const api = useApi(reliabilityApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const text = await api.getSloRules(entityRef);
      saveText(text, `${parseEntityRef(entityRef).name}-slo-rules.yaml`);
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
    </>
  );
}
