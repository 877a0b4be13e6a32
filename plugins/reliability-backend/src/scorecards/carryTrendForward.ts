import type { LevelTrendPoint } from '@preflight/plugin-reliability-common';
import { withEveryLevel } from './countLevels';

const DAY_MS = 86_400_000;

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/**
 * A daily trend without holes: one point per day from the first recorded
 * day to `today`. A day no evaluation recorded (the backend was down, or
 * today's run has not happened yet) repeats the day before and is marked
 * `carried`: the chart stays continuous without inventing a judgement.
 * Nothing is added before the first recorded day; `historySince` says
 * where history begins.
 */
export function carryTrendForward(
  recorded: LevelTrendPoint[],
  today: string,
  levelIds: string[],
): { trend: LevelTrendPoint[]; historySince: string | null } {
  const points = withEveryLevel(recorded, levelIds);
  if (points.length === 0) {
    return { trend: [], historySince: null };
  }
  const byDay = new Map(points.map(p => [p.day, p]));
  const trend: LevelTrendPoint[] = [];
  let previous = points[0];
  const last =
    points[points.length - 1].day > today
      ? points[points.length - 1].day
      : today;
  for (let day = points[0].day; day <= last; day = nextDay(day)) {
    const point = byDay.get(day);
    if (point) {
      trend.push(point);
      previous = point;
    } else {
      trend.push({ day, counts: { ...previous.counts }, carried: true });
    }
  }
  return { trend, historySince: points[0].day };
}
