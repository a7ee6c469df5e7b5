# The migrator image: a JRE and the fat jar. Build the jar first: mvn -B package -DskipTests
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY migrator/target/migrator.jar /app/migrator.jar
COPY scripts/run-migrations.sh scripts/jvm-flags.sh /app/
# apply runs at every container start: archive the classes a start loads (class data sharing) once, at build
# time. No database is reachable here, so the archived run ends at the connection attempt; that is fine, the
# classes it loaded are what an up-to-date apply needs.
RUN java -Xlog:cds=off -XX:ArchiveClassesAtExit=/app/migrator.jsa -jar /app/migrator.jar apply -q \
        --dsn postgresql://archive@127.0.0.1:1/archive || true
# JAVA_OPTS: the archive, and JVM_FLAGS of scripts/jvm-flags.sh (an ENV cannot read that file)
ENV MIGRATOR_JAR=/app/migrator.jar \
    JAVA_OPTS="-XX:SharedArchiveFile=/app/migrator.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
USER 1000:1000
ENTRYPOINT ["/app/run-migrations.sh"]
