# The JVM flags of a migrator run, in one place: sourced by run-migrations.sh, train-archive.sh and the benchmarks.
# C1 only, as a run of a second or less spends more on C2 compiling than C2 gives back; the serial collector, as a
# run allocates little and exits.
JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
# Added where a JDK 25 AOT cache is used (and recorded with it): the cache's training data has the methods its
# training run compiled compiled again early, so C1 can leave the lukewarm ones (fewer than 2,000 calls) to the
# interpreter. A diff of two 1,000-table databases: -20 ms and -45 ms of CPU (bench/diff-vs-pgdump.sh). Without a
# cache, or on JDK 17 with a class-data archive, the same thresholds cost 15-20 ms, so they come only with one.
AOT_CACHE_FLAGS=(-XX:Tier3InvocationThreshold=2000 -XX:Tier3CompileThreshold=10000 -XX:Tier3BackEdgeThreshold=120000)
