import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import { EntitySearchField } from '../EntitySearchField';
import { FilterSelect } from '../FilterSelect';
import type { GroupOption } from '../../hooks/useGroupOptions';
import { entityRefName, ReviewBoardFilter } from '../../utils';

export interface ReviewBoardFiltersProps {
  filter: ReviewBoardFilter;
  onChange(filter: ReviewBoardFilter): void;
  /** Owning teams to choose from. */
  teams: GroupOption[];
  /** Stages of the configured templates. */
  stages: string[];
  /** Reviewer groups of the configured templates. */
  reviewerGroups: string[];
}

const groupOptions = (groups: GroupOption[]) =>
  groups.map(group => ({ value: group.ref, label: group.title }));

/**
 * Narrows the reviews board: a text search, the owning team, the stage, a
 * reviewer group, reviews waiting on the viewer's groups, overdue ones.
 */
export function ReviewBoardFilters(props: ReviewBoardFiltersProps) {
  const { filter, onChange, teams, stages, reviewerGroups } = props;
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      flexWrap="wrap"
      alignItems="center"
    >
      <EntitySearchField
        value={filter.text}
        onChange={text => onChange({ ...filter, text })}
      />
      <FilterSelect
        label="Team"
        allLabel="All teams"
        value={filter.team}
        options={groupOptions(teams)}
        onChange={team => onChange({ ...filter, team })}
      />
      <FilterSelect
        label="Stage"
        allLabel="All stages"
        value={filter.stage}
        options={stages.map(stage => ({ value: stage, label: stage }))}
        onChange={stage => onChange({ ...filter, stage })}
      />
      <FilterSelect
        label="Reviewer group"
        allLabel="All reviewer groups"
        value={filter.reviewerGroup}
        options={reviewerGroups.map(ref => ({
          value: ref,
          label: entityRefName(ref),
        }))}
        onChange={reviewerGroup => onChange({ ...filter, reviewerGroup })}
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.waitingOnMe}
            onChange={event =>
              onChange({ ...filter, waitingOnMe: event.target.checked })
            }
          />
        }
        label="Waiting on my groups"
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.overdue}
            onChange={event =>
              onChange({ ...filter, overdue: event.target.checked })
            }
          />
        }
        label="Overdue only"
      />
    </Stack>
  );
}
