// What the research-data loaders match rows against: countries by ISO3, M49 and name,
// leaders and organizations by name and alias, and the minerals that exist.
CALL () {
  MATCH (c:Country)
  RETURN collect(c {.id, .iso3, .m49, .name, .aliases}) AS countries
}
CALL () {
  MATCH (n:Leader|Organization)
  RETURN collect(n {.id, .name, .aliases}) AS actors
}
CALL () {
  MATCH (m:Mineral)
  RETURN collect(m.id) AS minerals
}
RETURN countries, actors, minerals
