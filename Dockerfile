# The migrator image: a JRE and the fat jar. Build the jar first: mvn -B package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY migrator/target/migrator.jar /app/migrator.jar
COPY scripts/run-migrations.sh /app/run-migrations.sh
ENV MIGRATOR_JAR=/app/migrator.jar
USER 1000:1000
ENTRYPOINT ["/app/run-migrations.sh"]
