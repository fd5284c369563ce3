package org.issa.tcw.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The load test (docs/benchmarks.md "Load", ADR 113): virtual people who use TC Workspace as a
 * browser does, speaking Vaadin Flow's own protocol as recorded from Chromium
 * (bench/load/record.mjs):
 *
 * <ul>
 *   <li>sign-in page ({@code GET /login}, the bootstrap's {@code ?v-r=init}, the client's first
 *       {@code ui-navigate}), then the form login ({@code POST /login} with the page's {@code _csrf});
 *   <li>the dashboard: the bootstrap page, {@code ?v-r=init} (UI id, Vaadin security key, push id),
 *       the push channel (Atmosphere over a WebSocket at {@code /VAADIN/push}, as the browser opens
 *       it), and the first {@code ui-navigate};
 *   <li>in-app navigation as a click on a link does it: a UIDL request
 *       ({@code POST ?v-r=uidl&v-uiId=N} with {@code csrfToken}, {@code syncId}, {@code clientId}
 *       and an {@code rpc} event {@code ui-navigate} on the UI's node) — to the commission, its
 *       programme, a thread, the document, and for the secretariat its dashboard;
 *   <li>a reply: the text area's value ({@code mSync} + its {@code input} event) and a click on
 *       "Send", on the node ids read from the thread's response; the check is a new
 *       {@code post-N} element in the answer and the composer emptied (as only a stored reply does);
 *   <li>typing a sentence into a document: the editor's {@code @ClientCallable} {@code join}, then
 *       one {@code push} per keystroke (a real Yjs update, {@link YjsTyping}, and the caret's
 *       awareness update), each waiting for the server's acknowledgement as the editor does; the
 *       check is the acknowledged sequence number.
 * </ul>
 *
 * Client-to-server messages go over XHR and the push channel only carries what the server sends
 * on its own (other people's posts, typing, bells): exactly what the browser does with
 * {@code @Push}'s default transport {@code WEBSOCKET_XHR}. Every request's {@code syncId} and
 * {@code clientId} are those of the previous answer, per virtual user. Static files (JS, CSS) are
 * left out: a returning browser has them cached.
 *
 * <p>System properties: {@code load.baseUrl} (127.0.0.1 only), {@code load.users},
 * {@code load.seconds} (how long each person keeps going round), {@code load.rampSeconds},
 * {@code load.secretariatShare} (fraction of people signing in as the secretariat),
 * {@code load.mix} ({@code spread}, the default, or {@code dense}: see {@link Mix}), for the dense mix
 * {@code load.accounts} (comma-separated member usernames, password {@code demo}),
 * {@code load.thread}, {@code load.document}, {@code load.commission}; {@code load.think}
 * (mean think time in ms between interactions; 10,000 spread, 3,000 dense),
 * {@code load.typingPause} (ms between keystrokes).
 */
public class WorkspaceSimulation extends Simulation {

    private static final String BASE = System.getProperty("load.baseUrl", "http://127.0.0.1:8080");
    private static final int USERS = Integer.getInteger("load.users", 20);
    private static final int SECONDS = Integer.getInteger("load.seconds", 60);
    private static final int RAMP = Integer.getInteger("load.rampSeconds", Math.max(1, Math.min(30, SECONDS / 3)));
    private static final double SECRETARIAT_SHARE = Double.parseDouble(System.getProperty("load.secretariatShare", "0.1"));
    private static final Mix MIX = new Mix(System.getProperty("load.mix", "spread"),
            System.getProperty("load.accounts", "chair-ict,member-ict").split(","),
            System.getProperty("load.commission", "ict"), System.getProperty("load.thread", "1"),
            System.getProperty("load.document", "2"), Integer.getInteger("load.think"));
    private static final int THINK = MIX.think;
    private static final int TYPING_PAUSE = Integer.getInteger("load.typingPause", 200);
    private static final boolean DEBUG = Boolean.getBoolean("load.debug");
    private static final String SENTENCE = "Typed under load. ";

    /** What the browser adds to {@code ?v-r=init} (screen, time zone, …), as Chromium sent it. */
    private static final String BROWSER_DETAILS = "&v-sh=1080&v-sw=1920&v-wh=960&v-ww=1900&v-bh=960&v-bw=1900"
            + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux%20x86_64"
            + "&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo"
            + "&v-ga=UNSUPPORTED&v-wla=SUPPORTED&v-ws=false";

    static {
        if (!BASE.startsWith("http://127.0.0.1:") && !BASE.startsWith("http://localhost:")) {
            throw new IllegalArgumentException("The load test runs against 127.0.0.1 only, not " + BASE);
        }
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .wsBaseUrl(BASE.replaceFirst("^http", "ws"))
            .acceptLanguageHeader("en")
            .acceptEncodingHeader("gzip, deflate, br")
            .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) tcw-load (Gatling)")
            .disableUrlEncoding();

    /** One UIDL request: the rpc invocations given, correlated with the previous answer. */
    private static HttpRequestActionBuilder uidl(String name, String rpc) {
        return http(name).post("/?v-r=uidl&v-uiId=#{uiId}")
                .header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody("{\"csrfToken\":\"#{csrfToken}\",\"rpc\":" + rpc
                        + ",\"syncId\":#{syncId},\"clientId\":#{clientId}}"))
                .check(bodyString().transform(b -> b.length() > 600 ? b.substring(0, 600) : b).saveAs("lastAnswer"),
                        status().is(200),
                        substring("appError").notExists(),
                        substring("sessionExpired").notExists(),
                        substring("\"resynchronize\"").notExists(),
                        regex("^\\{\"clientId\":(\\d+)").saveAs("clientId"),
                        regex("\"syncId\":(\\d+)\\}\\s*$").saveAs("syncId"));
    }

    private static String navigate(String route) {
        return "[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":1},\"trigger\":\"history\"}}]";
    }

    /** The bootstrap of a full page load: the UI's id, security key and push id; then push and the first navigation. */
    private static ChainBuilder openPage(String label, String location) {
        return exec(http(label + " init").get("/?v-r=init&location=" + location + "&query=" + BROWSER_DETAILS
                        + "&v-curdate=#{now}&v-wn=v-#{windowName}")
                        .check(status().is(200),
                                jsonPath("$.appConfig['v-uiId']").saveAs("uiId"),
                                jsonPath("$.appConfig.uidl['Vaadin-Security-Key']").saveAs("csrfToken"),
                                jsonPath("$.appConfig.uidl['Vaadin-Push-ID']").saveAs("pushId"),
                                jsonPath("$.appConfig.uidl.syncId").saveAs("syncId"),
                                jsonPath("$.appConfig.uidl.clientId").saveAs("clientId")))
                .exec(ws("push connect").connect("/VAADIN/push?v-r=push&v-uiId=#{uiId}&v-pushId=#{pushId}"
                                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1&X-Atmosphere-Transport=websocket"
                                + "&X-Atmosphere-TrackMessageSize=true&Content-Type=application/json;%20charset=UTF-8"
                                + "&X-atmo-protocol=true&X-Vaadin-LastSeenServerSyncId=0")
                        .await(30).on(ws.checkTextMessage("push handshake").check(regex("^\\d+\\|[^|]+\\|"))))
                .exec(uidl(label + " navigate", "[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"/"
                        + location + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}]"));
    }

    private static ChainBuilder think() {
        return pause(Duration.ofMillis(THINK / 2), Duration.ofMillis(THINK * 3L / 2));
    }

    private static ChainBuilder signIn(boolean secretariat) {
        return exec(session -> session
                        .set("username", secretariat ? "secretariat" : MIX.seat(session.userId()).username())
                        .set("now", System.currentTimeMillis())
                        .set("windowName", ThreadLocalRandom.current().nextDouble()))
                .exec(http("sign-in page").get("/login")
                        .check(status().is(200), regex("name=\"_csrf\" content=\"([^\"]+)\"").saveAs("formCsrf")))
                .exec(openPage("sign-in page", "login"))
                .exec(ws("push close").close())
                .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .exec(http("sign in").post("/login")
                        .formParam("_csrf", "#{formCsrf}")
                        .formParam("username", "#{username}")
                        .formParam("password", "demo")
                        .check(status().is(200), currentLocationRegex("/login").notExists()))
                .exec(openPage("dashboard", ""));
    }

    private static ChainBuilder member() {
        return exec(session -> {
                    Mix.Seat seat = MIX.seat(session.userId());
                    return session.set("glance", MIX.glance(seat)).set("commission", seat.commission())
                            .set("thread", Mix.pick(seat.threads())).set("document", Mix.pick(seat.documents()))
                            .set("edits", seat.edits());
                })
                .exec(think())
                .exec(uidl("commission", navigate("commissions/#{glance}")))
                .exec(think())
                .exec(uidl("programme", navigate("commissions/#{commission}/programme")))
                .exec(think())
                .exec(uidl("thread", navigate("discussions/#{thread}"))
                        .check(regex("\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":3,\"value\":\"send\"").saveAs("sendNode"),
                                regex("\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":3,\"value\":\"body\"").saveAs("bodyNode")))
                .exec(think())
                .exec(uidl("reply type", "[{\"type\":\"mSync\",\"node\":#{bodyNode},\"feature\":1,\"property\":\"value\","
                        + "\"value\":\"A reply written under load by #{username} (#{replyNumber}).\"},"
                        + "{\"type\":\"event\",\"node\":#{bodyNode},\"event\":\"input\",\"data\":{\"1\":1,\"for\":\"trailing\"}}]"))
                .pause(Duration.ofMillis(500))
                .exec(uidl("reply send", "[{\"type\":\"event\",\"node\":#{sendNode},\"event\":\"click\",\"data\":{"
                                + "\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,\"event.ctrlKey\":false,"
                                + "\"event.clientX\":0,\"event.clientY\":0,\"event.altKey\":false,\"event.button\":0,"
                                + "\"event.screenY\":0,\"event.screenX\":0}}]")
                        // stored: the composer is emptied (another person's new post could be in the answer too)
                        .check(regex("\"key\":\"id\",\"feat\":3,\"value\":\"post-\\d+\"").exists(),
                                substring("{\"node\":#{bodyNode},\"type\":\"put\",\"key\":\"value\",\"feat\":1,\"value\":\"\"}").exists()))
                .exec(think())
                .doIfOrElse("#{edits}").then(exec(typing()))
                .orElse(exec(uidl("document", navigate("documents/#{document}"))))
                .exec(session -> session.set("replyNumber", session.getInt("replyNumber") + 1));
    }

    /** The document, the editor's join and a sentence typed into it, every keystroke acknowledged. */
    private static ChainBuilder typing() {
        return exec(uidl("document", navigate("documents/#{document}"))
                        .check(regex("\"node\":(\\d+),\"type\":\"put\",\"key\":\"tag\",\"feat\":0,\"value\":\"tcw-editor\"").saveAs("editorNode")))
                .exec(session -> session.set("promise", 0))
                .exec(uidl("editor join", "[{\"type\":\"publishedEventHandler\",\"node\":#{editorNode},"
                                + "\"templateEventMethodName\":\"join\",\"templateEventMethodArgs\":[],\"promise\":#{promise}}]")
                        .check(regex("\"seq\":(\\d+),\"updates\"").saveAs("lastSeq")))
                .exec(session -> {
                    var typing = new YjsTyping(1 + ThreadLocalRandom.current().nextLong(0xFFFF_FFFEL));
                    return session.set("typing", typing).set("yjsClient", typing.client()).set("awareness", new Awareness(typing.client(), "Load " + session.userId()))
                            .set("promise", 1);
                })
                .repeat(SENTENCE.length(), "i").on(
                        exec(session -> {
                            YjsTyping typing = session.get("typing");
                            Awareness awareness = session.get("awareness");
                            int i = session.getInt("i");
                            return session.set("update", typing.type(SENTENCE.charAt(i)))
                                    .set("caret", awareness.next(i + 2))
                                    .set("updateId", UUID.randomUUID().toString());
                        })
                        .exec(uidl("editor push", "[{\"type\":\"publishedEventHandler\",\"node\":#{editorNode},"
                                        + "\"templateEventMethodName\":\"push\",\"templateEventMethodArgs\":[\"#{updateId}\",\"#{update}\","
                                        + "\"#{caret}\",#{yjsClient},#{lastSeq}],\"promise\":#{promise}}]")
                                .check(regex("\\{\"seq\":(\\d+),\"rejoin\":false,\"reconcile\":false,\"refusal\":null").saveAs("lastSeq")))
                        .exec(session -> {
                            if (DEBUG && session.isFailed()) {
                                System.err.println("push failed: " + session.getString("lastAnswer"));
                            }
                            return session.set("promise", session.getInt("promise") + 1);
                        })
                        .pause(Duration.ofMillis(TYPING_PAUSE)));
    }

    private static ChainBuilder secretariat() {
        return exec(session -> session.set("commission", MIX.secretariatCommission()).set("thread", MIX.secretariatThread()))
                .exec(think())
                .exec(uidl("secretariat dashboard", navigate("secretariat")))
                .exec(think())
                .exec(uidl("commission", navigate("commissions/#{commission}")))
                .exec(think())
                .exec(uidl("programme", navigate("commissions/#{commission}/programme")))
                .exec(think())
                .exec(uidl("thread", navigate("discussions/#{thread}")));
    }

    private static ScenarioBuilder workload(String name, boolean secretariat) {
        return scenario(name)
                .exec(session -> session.set("replyNumber", 1))
                .exec(signIn(secretariat))
                .during(Duration.ofSeconds(SECONDS), "round", false).on(secretariat ? secretariat() : member())
                .exec(ws("push close").close());
    }

    {
        int secretariatUsers = (int) Math.round(USERS * SECRETARIAT_SHARE);
        int members = USERS - secretariatUsers;
        var populations = new java.util.ArrayList<io.gatling.javaapi.core.PopulationBuilder>();
        populations.add(workload("members", false).injectOpen(rampUsers(members).during(RAMP)));
        if (secretariatUsers > 0) {
            populations.add(workload("secretariat", true).injectOpen(rampUsers(secretariatUsers).during(RAMP)));
        }
        setUp(populations).protocols(protocol).maxDuration(Duration.ofSeconds(RAMP + SECONDS + 120L));
    }
}
