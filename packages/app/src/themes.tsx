import {
  createUnifiedTheme,
  palettes,
  UnifiedThemeProvider,
} from '@backstage/theme';
import type { AppTheme } from '@backstage/core-plugin-api';
import DarkIcon from '@material-ui/icons/Brightness2';
import LightIcon from '@material-ui/icons/WbSunny';

/*
 * Backstage's stock palettes leave MUI's status colours at their defaults,
 * and several of those fail WCAG AA contrast (4.5:1) as text or behind
 * white text: orange #ed6c02 and blue #0288d1 on white (3.1, 3.9), red
 * #f44336, green #66bb6a and blue #29b6f6 on the dark theme's grey cards
 * (2.7, 4.2, 4.4). The demo keeps the stock
 * themes and only swaps those status colours for AA-compliant ones, so
 * every status chip and coloured figure is readable; adopters whose
 * portals use the stock themes can do the same.
 */
const lightTheme = createUnifiedTheme({
  palette: {
    ...palettes.light,
    error: { main: '#c62828' }, // 5.6:1 with white
    warning: { main: '#b45309' }, // 5.02:1 with white
    success: { main: '#2e7d32' }, // 5.13:1 with white
    info: { main: '#01579b' }, // 7.0:1 on #f8f8f8
  },
});

const darkTheme = createUnifiedTheme({
  palette: {
    ...palettes.dark,
    error: { main: '#ef9a9a' }, // 4.67:1 on #424242 cards
    warning: { main: '#ffb74d' }, // 5.81:1 on #424242
    success: { main: '#81c784' }, // 4.99:1 on #424242
    info: { main: '#4fc3f7' }, // 5.02:1 on #424242
  },
});

/** The demo's light and dark themes (ids as Backstage's, so settings carry over). */
export const themes: AppTheme[] = [
  {
    id: 'light',
    title: 'Light Theme',
    variant: 'light',
    icon: <LightIcon />,
    Provider: ({ children }) => (
      <UnifiedThemeProvider theme={lightTheme}>{children}</UnifiedThemeProvider>
    ),
  },
  {
    id: 'dark',
    title: 'Dark Theme',
    variant: 'dark',
    icon: <DarkIcon />,
    Provider: ({ children }) => (
      <UnifiedThemeProvider theme={darkTheme}>{children}</UnifiedThemeProvider>
    ),
  },
];
