# syntax=docker/dockerfile:1
# TC Workspace: build the production jar (Vaadin production bundle included), run it on a JRE.
#   docker build -t tc-workspace .       (docker compose up builds it too)

# --- build: JDK 21 + Node 24 with npm (Vaadin's frontend build accepts a Node 24 on PATH) ---
FROM node:24-bookworm-slim AS build
COPY --from=eclipse-temurin:21-jdk /opt/java/openjdk /opt/java/openjdk
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

# --- run: JRE only, unprivileged, the jar extracted for a faster start ---
FROM eclipse-temurin:21-jre
RUN groupadd --system tcw && useradd --system --gid tcw --home-dir /app tcw
WORKDIR /app
COPY --from=build /tmp/app.jar /tmp/app.jar
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app && rm /tmp/app.jar && chown -R tcw:tcw /app
USER tcw
ENV SPRING_PROFILES_ACTIVE=prod,postgres,sso \
    PORT=8080
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
