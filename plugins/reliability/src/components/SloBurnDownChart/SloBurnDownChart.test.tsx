import { render, screen } from '@testing-library/react';
import { ThemeProvider, createTheme } from '@mui/material/styles';
import { mockResizeObserver } from '../../__testUtils__/mockResizeObserver';
import { burningSlo } from '../../__testUtils__/sloFixtures';
import {
  burnDownTicks,
  describeBurnDown,
  SloBurnDownChart,
} from './SloBurnDownChart';

describe('SloBurnDownChart', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('draws budget and ideal lines in the colours of a dark theme', () => {
    const theme = createTheme({ palette: { mode: 'dark' } });
    render(
      <ThemeProvider theme={theme}>
        <SloBurnDownChart sloName="Latency" points={burningSlo().burnDown} />
      </ThemeProvider>,
    );

    const chart = screen.getByRole('figure', {
      name: /^Error budget burn-down of Latency: /,
    });
    const strokes = Array.from(
      chart.querySelectorAll('.recharts-line-curve'),
    ).map(path => path.getAttribute('stroke'));
    expect(strokes).toEqual([
      theme.palette.primary.main,
      theme.palette.text.secondary,
    ]);
    // Axis labels in the dark theme's text colour, not recharts' default grey.
    const tick = chart.querySelector('.recharts-cartesian-axis-tick-value');
    expect(tick?.getAttribute('fill')).toBe(theme.palette.text.secondary);
    expect(chart.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('describes the chart in words and labels the line where the budget runs out', () => {
    const points = burningSlo().burnDown;
    render(<SloBurnDownChart sloName="Latency" points={points} />);
    const chart = screen.getByRole('figure', {
      name: describeBurnDown('Latency', points),
    });
    expect(chart.getAttribute('aria-label')).toMatch(
      /^Error budget burn-down of Latency: \d+(\.\d)?% left on \w+ \d+, -?\d+(\.\d)?% left on \w+ \d+; spending exactly the budget would leave \d+(\.\d)?%\.$/,
    );
    expect(chart).toHaveTextContent('Budget exhausted');
  });

  it('puts x ticks on whole days at an even step', () => {
    const start = Date.parse('2025-02-04T14:00:00Z');
    const end = Date.parse('2025-03-04T14:00:00Z');
    const ticks = burnDownTicks(start, end);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.every(tick => tick % 86_400_000 === 0)).toBe(true);
    const steps = new Set(ticks.slice(1).map((tick, i) => tick - ticks[i]));
    expect(steps.size).toBe(1);
    expect(new Date(ticks[0]).toISOString()).toBe('2025-02-05T00:00:00.000Z');
  });

  it('says there is no data instead of drawing an empty chart', () => {
    render(<SloBurnDownChart sloName="Latency" points={[]} />);
    expect(
      screen.getByText('Burn-down: no data over the window yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('spans a calendar window to its reset and says when the budget resets', () => {
    const points = burningSlo().burnDown;
    const last = Date.parse(points.at(-1)!.timestamp);
    const windowEnd = new Date(last + 10 * 86_400_000).toISOString();
    render(
      <SloBurnDownChart
        sloName="Latency"
        points={points}
        windowEnd={windowEnd}
      />,
    );
    const resetDay = new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(windowEnd));
    // The text alternative gives the figures, then when the budget resets.
    const chart = screen.getByRole('figure', {
      name: new RegExp(
        `^Error budget burn-down of Latency: .* left on .*\\. The budget resets on ${resetDay}\\.$`,
      ),
    });
    expect(chart.textContent).not.toMatch(/NaN|Infinity/);
  });
});
