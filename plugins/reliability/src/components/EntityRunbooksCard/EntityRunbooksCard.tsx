import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { RUNBOOK_LINK_TYPE } from '@preflight/plugin-reliability-common';
import { useEntityReliabilitySummary } from '../../hooks';
import { CardFrame } from '../CardFrame';
import { CardLoading } from '../CardLoading';
import { MetadataProblemAlert } from '../MetadataProblemAlert';
import { RunbookList } from '../RunbookList';
import { SummaryErrorPanel } from '../SummaryErrorPanel';
import { YamlSnippet } from '../YamlSnippet';

/** @public */
export interface EntityRunbooksCardProps {
  /** Card title; "Runbooks" by default. */
  title?: string;
}

const RUNBOOK_YAML = `metadata:
  links:
    - url: https://wiki.example.com/my-service
      title: My service runbook
      type: ${RUNBOOK_LINK_TYPE}`;

/**
 * The runbooks of the current entity (`metadata.links` of type runbook and
 * alert runbooks), with a hint on how to add one when there are none and
 * the links that could not be used.
 * @public
 */
export function EntityRunbooksCard(props: EntityRunbooksCardProps) {
  const { title = 'Runbooks' } = props;
  const state = useEntityReliabilitySummary();
  const { summary } = state;
  if (!summary) {
    return (
      <CardFrame title={title}>
        {state.error ? (
          <SummaryErrorPanel
            error={state.error}
            entityRef={state.entityRef}
            onRetry={state.retry}
          />
        ) : (
          <CardLoading label="Loading runbooks" rows={2} />
        )}
      </CardFrame>
    );
  }
  const linkProblems = summary.problems.filter(problem =>
    problem.field.startsWith('metadata.links'),
  );
  return (
    <CardFrame title={title}>
      {summary.runbooks.length > 0 ? (
        <RunbookList runbooks={summary.runbooks} />
      ) : (
        <Alert severity="info">
          <AlertTitle>No runbooks yet</AlertTitle>
          <Typography variant="body2">
            Whoever gets paged for this service has nothing to follow. Add a
            link of type <code>{RUNBOOK_LINK_TYPE}</code> to the entity&apos;s
            catalog-info.yaml:
          </Typography>
          <YamlSnippet yaml={RUNBOOK_YAML} />
        </Alert>
      )}
      {linkProblems.map(problem => (
        <MetadataProblemAlert
          key={`${problem.field}:${problem.message}`}
          problem={problem}
          severity="warning"
        />
      ))}
    </CardFrame>
  );
}
