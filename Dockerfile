# syntax=docker/dockerfile:1
# TC Workspace: build the production jar (Vaadin production bundle included), run it on a JRE.
#   docker build -t tc-workspace .       (docker compose up builds it too)

# --- build: JDK 25 + Node 24 with npm (Vaadin's frontend build accepts a Node 24 on PATH) ---
FROM node:24-bookworm-slim AS build
COPY --from=eclipse-temurin:25-jdk /opt/java/openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:$PATH \
    VAADIN_USAGE_STATS_ENABLED=false
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# dependencies in their own layer, so a source change does not download them again
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -Dnode.provision.skip dependency:resolve
COPY frontend/ frontend/
COPY src/main/ src/main/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -Dnode.provision.skip -DskipTests package \
    && cp target/tc-workspace-*.jar /tmp/app.jar

# --- aot: the jar extracted (Spring Boot's layout: app.jar + lib/) and the JDK's AOT cache of the
# classes a start loads and links and the methods it runs, from a training run (ADR 110): one whole
# start (demo profile, a throw-away in-memory database and search index, no network: no Keycloak,
# no PostgreSQL), the first page, then SIGTERM; the JVM writes app.aot as it exits
# (docker/aot-training.sh). The cache belongs to this JRE and these jars: it is made in the image.
FROM eclipse-temurin:25-jre AS aot
WORKDIR /app
COPY --from=build /tmp/app.jar /tmp/app.jar
COPY docker/aot-training.sh /usr/local/bin/aot-training.sh
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app && rm /tmp/app.jar
RUN bash /usr/local/bin/aot-training.sh /app/app.jar /app/app.aot -XX:+UseG1GC

# --- run: JRE only, unprivileged, the extracted jar started with its AOT cache ---
FROM eclipse-temurin:25-jre
RUN groupadd --system tcw && useradd --system --gid tcw --home-dir /app tcw
WORKDIR /app
COPY --from=aot --chown=tcw:tcw /app /app
USER tcw
ENV SPRING_PROFILES_ACTIVE=prod,postgres,sso \
    PORT=8080
EXPOSE 8080
# -XX:AOTCache: a cache that does not match (another JRE, other jars) is ignored with a warning;
# the garbage collector is named so that the training run and the start use the same one
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-XX:+UseG1GC", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
