/**
 * The workbench's example questions, one or two per domain, each a short query a researcher can adapt. Each one
 * shows a habit the release asks for: totals only (sex, age and dimension 'total') unless a breakdown is wanted,
 * censored cells kept apart (value is null where censored is set — never summed as 0), regions by M49 level.
 * The e2e test runs every one and expects rows.
 */
export interface Example {
  domain: string;
  title: string;
  sql: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    domain: 'trafficking-in-persons',
    title: 'Detected victims per year, 10 countries with the most in their latest year',
    sql: `WITH latest AS (
  SELECT geo, max(year) AS year FROM observations
  WHERE indicator = 'tip_victims_detected' AND sex = 'total' AND age = 'total' AND dimension = 'total' AND value IS NOT NULL
  GROUP BY geo
)
SELECT g.name, o.year, o.value
FROM observations o JOIN latest l USING (geo, year) JOIN geo g USING (geo)
WHERE o.indicator = 'tip_victims_detected' AND o.sex = 'total' AND o.age = 'total' AND o.dimension = 'total'
  AND g.kind = 'country'
ORDER BY o.value DESC
LIMIT 10`,
  },
  {
    domain: 'trafficking-in-persons',
    title: 'Censored cells: how many "<5" values each indicator has (never summed as 0)',
    sql: `SELECT indicator, count(*) FILTER (WHERE censored IS NOT NULL) AS censored_cells,
       count(*) FILTER (WHERE value IS NOT NULL) AS exact_values
FROM observations
WHERE domain = 'trafficking-in-persons'
GROUP BY indicator
ORDER BY censored_cells DESC`,
  },
  {
    domain: 'trafficking-in-persons',
    title: "Victims' citizenship as UNODC's file spells it, beside the release's code (publisher_labels)",
    sql: `SELECT p.publisher_category AS published_label, o.category AS release_category, count(*) AS n_values
FROM observations o JOIN publisher_labels p USING (labels_id)
WHERE o.indicator = 'tip_victims_by_citizenship' AND p.publisher_category <> o.category
GROUP BY ALL
ORDER BY n_values DESC, published_label`,
  },
  {
    domain: 'migrant-smuggling',
    title: 'Migrants dead and missing per year, by migration route (IOM incidents)',
    sql: `SELECT year, coalesce(migration_route, 'No route given') AS route, sum(dead_and_missing) AS dead_and_missing
FROM migrant_incidents
GROUP BY year, route
ORDER BY year, dead_and_missing DESC`,
  },
  {
    domain: 'firearms',
    title: 'Firearms seized, by M49 region, latest year per country',
    sql: `SELECT g.region_name, count(DISTINCT o.geo) AS countries, sum(o.value) AS arms_seized
FROM observations o JOIN geo g USING (geo)
WHERE o.indicator = 'fa_arms_seized' AND o.dimension = 'total' AND o.value IS NOT NULL
  AND o.year = (SELECT max(year) FROM observations p WHERE p.indicator = o.indicator AND p.geo = o.geo AND p.dimension = 'total' AND p.value IS NOT NULL)
  AND g.kind = 'country'
GROUP BY g.region_name
ORDER BY arms_seized DESC`,
  },
  {
    domain: 'wildlife',
    title: 'Pangolin seizures per year and the weight reported',
    sql: `SELECT year, count(*) AS seizures, round(sum(reported_weight_kg)) AS reported_kg
FROM pangolin_seizures
WHERE year IS NOT NULL
GROUP BY year
ORDER BY year`,
  },
  {
    domain: 'falsified-medicines',
    title: 'Samples tested and failed, by medicine class (USP Medicines Quality Database)',
    sql: `SELECT medicine_class, count(*) AS samples, count(*) FILTER (WHERE result = 'fail') AS failed
FROM medicine_samples
GROUP BY medicine_class
ORDER BY samples DESC`,
  },
  {
    domain: 'cybercrime',
    title: 'Cyber-related fraud per 100,000 people, countries with five or more years',
    sql: `SELECT g.name, o.year, o.value
FROM observations o JOIN geo g USING (geo)
WHERE o.indicator = 'cyb_fraud_cyber_rate' AND o.dimension = 'total'
  AND o.geo IN (SELECT geo FROM observations WHERE indicator = 'cyb_fraud_cyber_rate' AND value IS NOT NULL GROUP BY geo HAVING count(*) >= 5)
ORDER BY g.name, o.year`,
  },
];
