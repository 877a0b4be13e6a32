import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { EntitySearchField } from '../EntitySearchField';
import { FilterSelect } from '../FilterSelect';
import type {
  ScorecardRubricView,
  TeamScorecardFacets,
} from '@preflight/plugin-reliability-common';
import { entityRefName, NO_LEVEL, TeamScorecardFilter } from '../../utils';

export interface TeamScorecardFiltersProps {
  rubric: ScorecardRubricView;
  /** The values the filters can take (owners with rows, tiers, lifecycles). */
  facets: TeamScorecardFacets;
  filter: TeamScorecardFilter;
  onChange(filter: TeamScorecardFilter): void;
}

/** The choices of a facet, formatted for people. */
const facetOptions = (
  values: string[],
  format: (value: string) => string = value => value,
) => values.map(value => ({ value, label: format(value) }));

/**
 * Narrows the team table: a text search, a level, one owning sub-team, a
 * tier, a lifecycle, one failing check, and only entities with failing
 * checks. The backend applies them.
 */
export function TeamScorecardFilters(props: TeamScorecardFiltersProps) {
  const { rubric, facets, filter, onChange } = props;
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
      <TextField
        select
        size="small"
        label="Level"
        value={filter.levelId}
        onChange={event => onChange({ ...filter, levelId: event.target.value })}
        sx={{ minWidth: 140 }}
      >
        <MenuItem value="">All levels</MenuItem>
        {[...rubric.levels].reverse().map(level => (
          <MenuItem key={level.id} value={level.id}>
            {level.title}
          </MenuItem>
        ))}
        <MenuItem value={NO_LEVEL}>No level</MenuItem>
      </TextField>
      <FilterSelect
        hideWithoutChoice
        label="Owner"
        allLabel="All owners"
        options={facetOptions(facets.ownerRefs, entityRefName)}
        value={filter.ownerRef}
        onChange={ownerRef => onChange({ ...filter, ownerRef })}
      />
      <FilterSelect
        hideWithoutChoice
        label="Tier"
        allLabel="All tiers"
        options={facetOptions(facets.tiers)}
        value={filter.tier}
        onChange={tier => onChange({ ...filter, tier })}
      />
      <FilterSelect
        hideWithoutChoice
        label="Lifecycle"
        allLabel="All lifecycles"
        options={facetOptions(facets.lifecycles)}
        value={filter.lifecycle}
        onChange={lifecycle => onChange({ ...filter, lifecycle })}
      />
      <FilterSelect
        label="Failing check"
        allLabel="Any check"
        options={rubric.checks.map(check => ({
          value: check.id,
          label: check.title,
        }))}
        value={filter.check}
        onChange={check => onChange({ ...filter, check })}
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.onlyFailing}
            onChange={event =>
              onChange({ ...filter, onlyFailing: event.target.checked })
            }
          />
        }
        label="Only failing"
      />
    </Stack>
  );
}
