import { departures } from '../../scripts/bench/db-hits';

describe('the db-hits guard', () => {
  const baseline = [
    { operation: 'lookup', roundTrips: 1, dbHits: 8 },
    { operation: 'links', roundTrips: 3, dbHits: 10_000 },
  ];

  it('accepts the same work, and db hits within the tolerance', () => {
    expect(departures(baseline, baseline)).toEqual([]);
    expect(
      departures(baseline, [
        { operation: 'lookup', roundTrips: 1, dbHits: 20 },
        { operation: 'links', roundTrips: 3, dbHits: 10_900 },
      ]),
    ).toEqual([]);
  });

  it('names a plan that does more work, a statement more, and operations added or gone', () => {
    expect(
      departures(baseline, [
        { operation: 'lookup', roundTrips: 2, dbHits: 8 },
        { operation: 'links', roundTrips: 3, dbHits: 40_000 },
        { operation: 'new', roundTrips: 1, dbHits: 1 },
      ]),
    ).toEqual([
      'lookup: 2 round trips, baseline 1',
      'links: 40000 db hits, baseline 10000 (±1000)',
      'new: not in the baseline (record it: UPDATE_DB_HITS=1)',
    ]);
    expect(departures(baseline, [baseline[0]])).toEqual(['links: in the baseline, not measured']);
  });
});
