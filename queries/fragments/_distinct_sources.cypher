// A fragment: `sources`, every source named in `cited` (a list of source lists) once, by a
// set rather than a list searched for each row (a partner and year can sum thousands of
// trade rows). Used by analytics/_exposure_answer and analytics/import_flows.
CALL (cited) {
  UNWIND cited AS sources
  UNWIND sources AS source
  RETURN collect(DISTINCT source) AS sources
}
