// The Neo4j JVM's heap, in bytes: used now and the most it may take (for the benchmark's
// memory figures; the page cache is off heap and shows in the process's resident memory).
CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
RETURN attributes.HeapMemoryUsage.value.properties.used AS used,
       attributes.HeapMemoryUsage.value.properties.max AS max
