// Hand-worked timelines shared by the measure tests and the daily-row tests.
import { change, incident, person, shift } from './builders';
import { monthPeriod } from '../reportPeriod';

// March 2026 in Berlin: [2026-02-28T23:00Z, 2026-03-31T22:00Z)
export const march = monthPeriod(2026, 3, 'Europe/Berlin');

/**
 * The March timeline (UTC instants; Berlin local time in brackets):
 *
 * i1 A high  02-28 23:30 (03-01 00:30) ack +4m   resolved +30m      in March
 * i2 A high  02-28 22:30 (02-28 23:30) ack +1m   resolved +2m       February
 * i3 A low   03-29 00:30 (03-29 01:30, just before the DST change)
 *                                     ack +10m  resolved +180m     in March
 * i4 A high  03-31 21:30 (03-31 23:30) never acknowledged, open    in March
 * i5 A high  03-31 22:00 (04-01 00:00) open                        April
 * i6 A high  02-20 10:00               ack +5m   resolved 04-02     February
 * i7 B high  03-10 10:00               never acknowledged, resolved +2m
 * i8 B high  03-15 08:00               ack +20m  resolved +300m
 * i9 A low   03-20 12:00               ack +1m   resolved at 03-31 22:00,
 *                                     exactly the period's end: +16440m
 *                                     (11 days 10 hours)
 */
export const marchIncidents = [
  incident('i1', 'A', '2026-02-28T23:30:00Z', 4, 30),
  incident('i2', 'A', '2026-02-28T22:30:00Z', 1, 2),
  incident('i3', 'A', '2026-03-29T00:30:00Z', 10, 180, { urgency: 'low' }),
  incident('i4', 'A', '2026-03-31T21:30:00Z', null, null),
  incident('i5', 'A', '2026-03-31T22:00:00Z', null, null),
  incident('i6', 'A', '2026-02-20T10:00:00Z', 5, 41 * 24 * 60),
  incident('i7', 'B', '2026-03-10T10:00:00Z', null, 2),
  incident('i8', 'B', '2026-03-15T08:00:00Z', 20, 300),
  incident('i9', 'A', '2026-03-20T12:00:00Z', 1, 16440, { urgency: 'low' }),
];

// April 2026 in UTC: [2026-04-01T00:00Z, 2026-05-01T00:00Z)
export const april = monthPeriod(2026, 4);

/**
 * Changes and incidents of April (UTC; "hi" high urgency, "lo" low):
 *
 * A  c1 04-07 10:00   c2 04-07 10:30   hi 10:45 -> blamed on c2 (latest
 *                                       change before it), c1 not failed
 * A  c3 04-08 14:00   lo 14:10 (low urgency fails nothing)
 *                     hi 15:00:01 (60 m 1 s later: outside the window)
 * A  c4 04-09 16:00   hi 17:00:00 (exactly 60 m: inside) -> c4 failed
 * B  no change events; hi 04-10 12:00
 * C  c6 03-31 23:55 (before April)   hi 04-01 00:10 -> blamed on c6
 * C  c5 04-30 23:50   hi 05-01 00:20 (after April) -> c5 failed
 * D  c7 03-20 12:00 only (no change in April)
 *
 * A: 4 changes, 2 failed (c2, c4) = 50 %; C: 1 change, 1 failed = 100 %;
 * B and D: no change data; overall over A and C: 3 of 5 = 60 %.
 */
export const aprilChanges = [
  change('c1', 'A', '2026-04-07T10:00:00Z'),
  change('c2', 'A', '2026-04-07T10:30:00Z'),
  change('c3', 'A', '2026-04-08T14:00:00Z'),
  change('c4', 'A', '2026-04-09T16:00:00Z'),
  change('c6', 'C', '2026-03-31T23:55:00Z'),
  change('c5', 'C', '2026-04-30T23:50:00Z'),
  change('c7', 'D', '2026-03-20T12:00:00Z'),
];

export const aprilIncidents = [
  incident('x1', 'A', '2026-04-07T10:45:00Z', 3, 40),
  incident('x2', 'A', '2026-04-08T14:10:00Z', 2, 20, { urgency: 'low' }),
  incident('x3', 'A', '2026-04-08T15:00:01Z', 2, 20),
  incident('x4', 'A', '2026-04-09T17:00:00Z', 5, 90),
  incident('x5', 'B', '2026-04-10T12:00:00Z', 1, 10),
  incident('x6', 'C', '2026-04-01T00:10:00Z', null, 3),
  incident('x7', 'C', '2026-05-01T00:20:00Z', 8, 60),
];

export const alice = person('alice', 'Europe/Berlin');
export const bob = person('bob', 'America/New_York');
/** No time zone on the profile: the team's (Europe/Berlin) applies. */
export const carol = person('carol');
const dave = person('dave', 'Europe/Berlin');

/**
 * Rotation R (services A and B) in March 2026, Berlin (the period is
 * 743 h: [02-28 23:00Z, 03-31 22:00Z)). Shifts, UTC:
 *
 * s1 alice 02-23 08:00 -> 03-02 08:00 (168 h; 33 h in March: 33/168)
 * s2 bob   03-02 08:00 -> 03-09 08:00 (1)
 * s3 carol 03-09 08:00 -> 03-16 08:00 (1), listed twice (counted once)
 * s4 alice 03-16 08:00 -> 03-23 08:00 (1)
 * s5 carol 03-23 08:00 -> 03-30 07:00 (167 h: the handover stays at 09:00
 *          Berlin time across the DST change; whole, so 1)
 * s6 bob   03-30 07:00 -> 04-06 07:00 (168 h; 39 h in March: 39/168)
 * dave at level 2 all month: not paged first, ignored
 *
 * Shifts: 4 + 72/168 = 31/7. On call: alice 33 + 168 = 201 h,
 * bob 168 + 39 = 207 h, carol 168 + 167 = 335 h (together 743 h).
 */
export const rotationShifts = [
  shift(alice, '2026-02-23T08:00:00Z', '2026-03-02T08:00:00Z'),
  shift(bob, '2026-03-02T08:00:00Z', '2026-03-09T08:00:00Z'),
  shift(carol, '2026-03-09T08:00:00Z', '2026-03-16T08:00:00Z'),
  shift(carol, '2026-03-09T08:00:00Z', '2026-03-16T08:00:00Z'),
  shift(alice, '2026-03-16T08:00:00Z', '2026-03-23T08:00:00Z'),
  shift(carol, '2026-03-23T08:00:00Z', '2026-03-30T07:00:00Z'),
  shift(bob, '2026-03-30T07:00:00Z', '2026-04-06T07:00:00Z'),
  shift(dave, '2026-02-01T00:00:00Z', '2026-05-01T00:00:00Z', 2),
];

export const rotation = {
  rotationId: 'R',
  serviceIds: ['A', 'B'],
  shifts: rotationShifts,
};

/**
 * Incidents against R (business hours Mon-Fri 09:00-18:00, sleep
 * 22:00-07:00, in the paged person's zone):
 *
 * p1 A hi 03-01 03:00Z alice: Sun 04:00 Berlin      off-hours, sleep
 * p2 B hi 03-04 13:30Z bob:   Wed 08:30 New York    off-hours (14:30 in
 *                             Berlin would be business hours)
 * p3 A hi 03-05 04:00Z bob:   Wed 23:00 New York    off-hours, sleep
 * p4 A hi 03-12 10:00Z carol: Thu 11:00 Berlin      business hours
 * p5 A lo 03-12 11:00Z low urgency: not a page
 * p6 Z hi 03-12 12:00Z another rotation's service: not a page
 * p7 B hi 03-30 05:30Z carol: Mon 07:30 CEST        off-hours, not sleep
 *                             (06:30 in winter time would be sleep)
 * p8 A hi 03-31 21:30Z bob:   Tue 17:30 EDT         business hours (23:30
 *                             in Berlin would be sleep)
 * p9 A hi 02-28 22:30Z alice: 23:30 on 28 February Berlin: before March
 * p10 A hi 03-31 22:00Z: 1 April 00:00 Berlin: after March
 *
 * Pages 6 (p1 p2 p3 p4 p7 p8), off-hours 4 (p1 p2 p3 p7), sleep 2 (p1 p3).
 * alice 1 (off 1, sleep 1), bob 3 (off 2, sleep 1), carol 2 (off 1).
 */
export const rotationIncidents = [
  incident('p1', 'A', '2026-03-01T03:00:00Z', 5, 30),
  incident('p2', 'B', '2026-03-04T13:30:00Z', 5, 30),
  incident('p3', 'A', '2026-03-05T04:00:00Z', 5, 30),
  incident('p4', 'A', '2026-03-12T10:00:00Z', 5, 30),
  incident('p5', 'A', '2026-03-12T11:00:00Z', 5, 30, { urgency: 'low' }),
  incident('p6', 'Z', '2026-03-12T12:00:00Z', 5, 30),
  incident('p7', 'B', '2026-03-30T05:30:00Z', 5, 30),
  incident('p8', 'A', '2026-03-31T21:30:00Z', 5, 30),
  incident('p9', 'A', '2026-02-28T22:30:00Z', 5, 30),
  incident('p10', 'A', '2026-03-31T22:00:00Z', 5, 30),
];

export const berlinHours = {
  businessDays: [1, 2, 3, 4, 5],
  businessStart: '09:00',
  businessEnd: '18:00',
  sleepStart: '22:00',
  sleepEnd: '07:00',
  defaultTimeZone: 'Europe/Berlin',
};
