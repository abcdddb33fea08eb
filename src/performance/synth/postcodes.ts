/**
 * Postcodes used by the synthetic generator, taken from shared/fixtures/postcodes-sample.csv (a sample of
 * the ONS Postcode Directory, November 2025), written in the usual "outward inward" form (the directory
 * writes TS15 0WY as TS150WY; look-ups ignore spaces). Source: Office for National Statistics licensed
 * under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right.
 * Contains Royal Mail data © Royal Mail copyright and database right.
 *
 * The synthetic authority is Stockton-on-Tees (E06000004). HOME: postcodes in that authority; NEAR: the
 * neighbouring Tees Valley authorities (within 20 miles of the home area); FAR: Northumberland,
 * Tyneside, Sunderland and Leeds (more than 20 miles away).
 */

/** ONS code of the synthetic responsible authority. */
export const HOME_LA_CODE = 'E06000004';

export const HOME_POSTCODES: readonly string[] = [
  'DL2 1SX', 'TS15 9AG', 'TS15 9DT', 'TS15 9EZ', 'TS15 9GU', 'TS15 9LE', 'TS15 9NE', 'TS15 9RA',
  'TS15 9TJ', 'TS15 9UR', 'TS15 9XR', 'TS15 9ZH', 'TS16 0BB', 'TS16 0GZ', 'TS16 0JF', 'TS16 0QB',
  'TS16 0XL', 'TS16 0ZY', 'TS16 9DF', 'TS16 9EX', 'TS16 9HY', 'TS17 0AU', 'TS17 0DY', 'TS17 0EQ',
  'TS17 0HW', 'TS17 0LP', 'TS17 0PF', 'TS17 0SB', 'TS17 0TB', 'TS17 0US', 'TS17 0XH', 'TS17 0YX',
  'TS17 5AT', 'TS17 5DQ', 'TS17 5EY', 'TS17 5GL', 'TS17 5HL', 'TS17 5NB', 'TS17 6AA', 'TS17 6AX',
  'TS17 6DU', 'TS17 6HA', 'TS17 6JH', 'TS17 6NA', 'TS17 6SF', 'TS17 7AL', 'TS17 7ER', 'TS17 7JT',
  'TS17 8BS', 'TS17 8EG', 'TS17 8LQ', 'TS17 8YR', 'TS17 9BU', 'TS17 9HH', 'TS17 9LA', 'TS17 9NL',
  'TS17 9QN', 'TS18 1AG', 'TS18 1FX', 'TS18 1HU', 'TS18 1PE', 'TS18 1RE', 'TS18 1SL', 'TS18 1UU',
  'TS18 1XN', 'TS18 2AQ', 'TS18 2BL', 'TS18 2DT', 'TS18 2FP', 'TS18 2LJ', 'TS18 2NA', 'TS18 2RD',
  'TS18 2YQ', 'TS18 3AH', 'TS18 3EH', 'TS18 3HD', 'TS18 3JQ', 'TS18 3NN', 'TS18 3PP', 'TS18 3RG',
  'TS18 3TF', 'TS18 3UP', 'TS18 3WW', 'TS18 3YS', 'TS18 4BH', 'TS18 4EH', 'TS18 4LP', 'TS18 4PB',
  'TS18 4YU', 'TS18 5BN', 'TS18 5DZ', 'TS18 5EX', 'TS18 5HY', 'TS18 5LY', 'TS18 5NW', 'TS18 5YE',
  'TS19 0AL', 'TS19 0BQ', 'TS19 0DN', 'TS19 0HP', 'TS19 0LE', 'TS19 0PG', 'TS19 0QP', 'TS19 0SL',
  'TS19 0WL', 'TS19 0YH', 'TS19 1BJ', 'TS19 1FN', 'TS19 1HW', 'TS19 1JX', 'TS19 1NN', 'TS19 1QQ',
  'TS19 1TW', 'TS19 1XY', 'TS19 7AL', 'TS19 7BB', 'TS19 7DQ', 'TS19 7HJ', 'TS19 7JG', 'TS19 7QG',
  'TS19 7RG', 'TS19 7SW', 'TS19 8AL', 'TS19 8BQ', 'TS19 8EZ', 'TS19 8JP', 'TS19 8LX', 'TS19 8PE',
  'TS19 8QN', 'TS19 8SJ', 'TS19 8TX', 'TS19 8UU', 'TS19 9AG', 'TS19 9DX', 'TS19 9HF', 'TS19 9JU',
  'TS19 9WZ', 'TS2 1TG', 'TS2 1UY', 'TS20 1AW', 'TS20 1ET', 'TS20 1JE', 'TS20 1JU', 'TS20 1NX',
  'TS20 1PT', 'TS20 1QU', 'TS20 1SS', 'TS20 1WS', 'TS20 2AL', 'TS20 2DP', 'TS20 2FJ', 'TS20 2JB',
  'TS20 2NH', 'TS20 2SN', 'TS20 2TW', 'TS20 2WT', 'TS20 2YH', 'TS21 1EN', 'TS21 1FY', 'TS21 1JR',
  'TS21 1QG', 'TS21 1YS', 'TS21 3JN', 'TS21 4YX', 'TS22 5DH', 'TS22 5FE', 'TS22 5HP', 'TS22 5JH',
  'TS22 5NH', 'TS22 5RD', 'TS22 5TG', 'TS22 5XW', 'TS23 1AW', 'TS23 1BT', 'TS23 1EX', 'TS23 1LF',
  'TS23 1NE', 'TS23 1PQ', 'TS23 1YA', 'TS23 2BS', 'TS23 2HN', 'TS23 2LN', 'TS23 2PS', 'TS23 2RT',
  'TS23 2WA', 'TS23 3AW', 'TS23 3EF', 'TS23 3FH', 'TS23 3HX', 'TS23 3LH', 'TS23 3NX', 'TS23 3QP',
  'TS23 3RW', 'TS23 3TY', 'TS23 3WZ', 'TS23 3XY', 'TS23 4AP', 'TS23 4DE', 'TS23 4HL', 'TS23 4YP',
];

export const NEAR_POSTCODES: readonly string[] = [
  'DL1 1BW', 'DL1 1TY', 'DL1 2RR', 'DL1 3QF', 'DL1 4RS', 'DL1 5FG', 'DL1 9DX', 'DL2 1EQ',
  'DL2 2EF', 'DL3 0DB', 'DL3 0RA', 'DL3 6QS', 'DL3 7NH', 'DL3 8QL', 'DL3 9EY', 'DL3 9UF',
  'TS1 1HL', 'TS1 1RA', 'TS1 2LF', 'TS1 2YG', 'TS1 3HJ', 'TS1 4AE', 'TS1 4NP', 'TS1 5BG',
  'TS1 5QW', 'TS1 9FL', 'TS10 1AR', 'TS10 1LH', 'TS10 1YY', 'TS10 2JN', 'TS10 2SX', 'TS10 3DJ',
  'TS10 3NA', 'TS10 4AA', 'TS10 4HJ', 'TS10 5AU', 'TS10 5NE', 'TS10 9SR', 'TS11 6JH', 'TS11 7EQ',
  'TS11 8EG', 'TS12 1GA', 'TS12 1NY', 'TS12 2DR', 'TS12 2JJ', 'TS12 2XH', 'TS12 3HZ', 'TS13 4DR',
  'TS13 4QN', 'TS14 6BX', 'TS14 6LR', 'TS14 6YD', 'TS14 7EE', 'TS14 8AQ', 'TS14 8WZ', 'TS2 1BN',
  'TS2 1QU', 'TS24 0AF', 'TS24 0NR', 'TS24 0ZD', 'TS24 4SH', 'TS24 7HX', 'TS24 7QL', 'TS24 8FL',
  'TS24 9AB', 'TS24 9QN', 'TS25 1HL', 'TS25 1WY', 'TS25 2ES', 'TS25 2PZ', 'TS25 3HQ', 'TS25 4DA',
  'TS25 4PH', 'TS25 5HH', 'TS25 5YQ', 'TS26 0FT', 'TS26 0TQ', 'TS26 8AY', 'TS26 8QW', 'TS26 9DY',
  'TS26 9PL', 'TS27 3JG', 'TS3 0AX', 'TS3 0RA', 'TS3 6NA', 'TS3 7JY', 'TS3 8JH', 'TS3 8RD',
  'TS3 9HD', 'TS4 2DY', 'TS4 2QS', 'TS4 3AX', 'TS4 3PF', 'TS5 4DD', 'TS5 4QU', 'TS5 5HX',
  'TS5 6LF', 'TS5 7BU', 'TS5 7NS', 'TS5 8EH', 'TS5 8RL', 'TS6 0BA', 'TS6 0NX', 'TS6 0YN',
  'TS6 6GE', 'TS6 6PQ', 'TS6 6XF', 'TS6 7HB', 'TS6 7YR', 'TS6 8JG', 'TS6 9FA', 'TS6 9SE',
  'TS7 0HE', 'TS7 0WR', 'TS7 8QF', 'TS7 9AX', 'TS8 0RH', 'TS8 8DJ', 'TS8 9HW', 'TS8 9WQ',
];

export const FAR_POSTCODES: readonly string[] = [
  'LS1 1LF', 'LS1 3BU', 'LS1 5EJ', 'LS1 9DJ', 'LS10 1PT', 'LS10 2PY', 'LS10 4UQ', 'LS11 5QZ',
  'LS11 8EZ', 'LS11 9LJ', 'LS12 1PR', 'LS12 2XG', 'LS12 4UQ', 'LS12 6DZ', 'LS13 1LZ', 'LS13 3EB',
  'LS13 4JF', 'LS14 1NS', 'LS14 5PJ', 'LS14 9FU', 'LS15 7HD', 'LS16 5JE', 'LS16 7AL', 'LS16 9HD',
  'LS17 6PX', 'LS17 7YH', 'LS18 4AJ', 'LS18 4WQ', 'LS18 5SF', 'LS19 7QG', 'LS19 9FX', 'LS2 9NY',
  'LS20 9EW', 'LS21 2DE', 'LS22 4JU', 'LS22 6YD', 'LS23 6AJ', 'LS24 8BJ', 'LS25 4DR', 'LS26 1BQ',
  'LS27 0GE', 'LS27 7BZ', 'LS27 8UZ', 'LS27 9TH', 'LS28 5XE', 'LS28 7LZ', 'LS29 0NW', 'LS29 1FS',
  'LS29 7HA', 'LS29 8WT', 'LS3 1TD', 'LS5 3AB', 'LS6 3QJ', 'LS7 1ED', 'LS7 3WX', 'LS8 1HP',
  'LS8 3JR', 'LS8 4YD', 'LS9 6AP', 'LS99 2RA', 'NE1 5AW', 'NE10 9PA', 'NE11 0WE', 'NE12 0RP',
  'NE12 6XY', 'NE12 9YH', 'NE15 7AX', 'NE15 8XQ', 'NE16 3ET', 'NE17 7TT', 'NE2 2AD', 'NE21 4ND',
  'NE22 5AH', 'NE22 6DU', 'NE23 2FE', 'NE23 6TW', 'NE23 9LA', 'NE24 3WU', 'NE24 5LP', 'NE25 9AG',
  'NE26 2SG', 'NE27 0PT', 'NE28 6UT', 'NE28 9QB', 'NE29 7LT', 'NE3 3AT', 'NE3 4PP', 'NE3 5QA',
  'NE30 4JN', 'NE32 3AA', 'NE32 4JT', 'NE33 2DR', 'NE33 5SU', 'NE34 8QB', 'NE37 1PP', 'NE37 2PU',
  'NE38 9DU', 'NE4 7AB', 'NE41 8EJ', 'NE46 1BY', 'NE46 4SA', 'NE48 1LA', 'NE49 0AJ', 'NE5 2DA',
  'NE5 4AD', 'NE6 2AJ', 'NE6 5AJ', 'NE61 2UE', 'NE61 6HN', 'NE62 5PJ', 'NE63 8TT', 'NE64 6NJ',
  'NE65 9UA', 'NE66 3SX', 'NE7 7TZ', 'NE8 1PX', 'NE8 3AJ', 'NE83 7ZJ', 'NE9 6SS', 'NE92 1WA',
];

/**
 * Well-formed postcodes that are not in the postcode directory (ZZ99 is the NHS pseudo-postcode area;
 * the TS99 and DL99 districts do not exist), so no distance can be worked out for them.
 */
export const UNKNOWN_POSTCODES: readonly string[] = ['ZZ99 3VZ', 'ZZ99 3WZ', 'TS99 9ZZ', 'DL99 9ZZ'];
