import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';

/** Props of {@link EntitySearchField}. */
export interface EntitySearchFieldProps {
  value: string;
  onChange(value: string): void;
}

/** The "Search entities" box of the tables' filter bars. */
export function EntitySearchField(props: EntitySearchFieldProps) {
  const { value, onChange } = props;
  return (
    <TextField
      size="small"
      label="Search entities"
      value={value}
      onChange={event => onChange(event.target.value)}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" />
          </InputAdornment>
        ),
      }}
      sx={{ minWidth: 220 }}
    />
  );
}
