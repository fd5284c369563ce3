package org.issa.tcw.testsupport.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Keycloak's admin REST API, for arranging and checking what the tests need (master realm admin). */
public final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeycloakAdmin() {
    }

    private static String token() {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USER + "&password="
                + KeycloakServer.ADMIN_PASSWORD;
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(KeycloakServer.URL + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(KeycloakServer.URL + "/admin/realms/" + path))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = send(request);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    public static JsonNode get(String path) {
        return JSON.readTree(call("GET", path, null).body());
    }

    /** The user's representation, or null. */
    public static JsonNode user(String realm, String username) {
        JsonNode users = get(realm + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        return users.isEmpty() ? null : users.get(0);
    }

    public static String userId(String realm, String username) {
        JsonNode user = user(realm, username);
        if (user == null) {
            throw new IllegalStateException("No user " + username + " in realm " + realm);
        }
        return user.get("id").asString();
    }

    public static void deleteUserIfPresent(String realm, String username) {
        JsonNode user = user(realm, username);
        if (user != null) {
            call("DELETE", realm + "/users/" + user.get("id").asString(), null);
        }
    }

    /** Changes attributes of a user (e.g. {@code enabled}, {@code firstName}). */
    public static void updateUser(String realm, String username, String field, Object value) {
        ObjectNode user = (ObjectNode) user(realm, username);
        user.putPOJO(field, value);
        call("PUT", realm + "/users/" + user.get("id").asString(), JSON.writeValueAsString(user));
    }

    /** Ends all of the user's sessions, as an administrator in the console does. */
    public static void logoutUser(String realm, String username) {
        call("POST", realm + "/users/" + userId(realm, username) + "/logout", null);
    }

    /** Number of the user's active sessions. */
    public static int sessions(String realm, String username) {
        return get(realm + "/users/" + userId(realm, username) + "/sessions").size();
    }

    public static void grantRealmRole(String realm, String username, String role) {
        JsonNode representation = get(realm + "/roles/" + role);
        call("POST", realm + "/users/" + userId(realm, username) + "/role-mappings/realm",
                "[" + JSON.writeValueAsString(representation) + "]");
    }

    public static void revokeRealmRole(String realm, String username, String role) {
        JsonNode representation = get(realm + "/roles/" + role);
        call("DELETE", realm + "/users/" + userId(realm, username) + "/role-mappings/realm",
                "[" + JSON.writeValueAsString(representation) + "]");
    }

    /** Sets one attribute of a client (e.g. its back-channel logout URL for the app's random port). */
    public static void setClientAttribute(String realm, String clientId, String attribute, String value) {
        ObjectNode client = (ObjectNode) get(realm + "/clients?clientId=" + clientId).get(0);
        ((ObjectNode) client.get("attributes")).put(attribute, value);
        call("PUT", realm + "/clients/" + client.get("id").asString(), JSON.writeValueAsString(client));
    }
}
