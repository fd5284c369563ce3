package org.issa.tcw.documents;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.issa.tcw.documents.YjsEngine.SuggestOnlyVerdict;
import tools.jackson.databind.ObjectMapper;

/**
 * The live replicas of the suggest-only check (docs/adr/025), kept in the engine's replicas'
 * context and used from its thread only ({@link YjsLanes}): one Y.Doc per document edited on this
 * node, fed every accepted update, so that checking a keystroke reads one paragraph rather than a
 * whole log. Obtained from {@link YjsEngine#replicas()}.
 */
public final class YjsReplicas {

    private final YjsLanes lanes;
    private final ObjectMapper json = new ObjectMapper();

    YjsReplicas(YjsLanes lanes) {
        this.lanes = lanes;
    }

    /**
     * Opens (or replaces) the live replica of a document kept in the engine for the suggest-only
     * check, from its log. The replica is then fed every accepted update ({@link #apply}).
     */
    public CompletableFuture<Boolean> open(long documentId, List<byte[]> log) {
        List<Object> b64 = YjsEngine.encode(log);
        return lanes.callReplicas("replicaOpen", ns -> {
            ns.getMember("replicaOpen").execute(String.valueOf(documentId), ProxyArray.fromList(b64));
            return Boolean.TRUE;
        });
    }

    /** An accepted update applied to the document's replica, if one is open. */
    public CompletableFuture<Boolean> apply(long documentId, byte[] update) {
        String b64 = Base64.getEncoder().encodeToString(update);
        return lanes.callReplicas("replicaApply",
                ns -> ns.getMember("replicaApply").execute(String.valueOf(documentId), b64).asBoolean());
    }

    /** Drops the document's replica (nobody edits it on this node any more). */
    public CompletableFuture<Boolean> close(long documentId) {
        return lanes.callReplicas("replicaClose",
                ns -> ns.getMember("replicaClose").execute(String.valueOf(documentId)).asBoolean());
    }

    /**
     * The suggest-only rule for an update by {@code personId}, on the document's open replica:
     * allowed only if the document with every suggestion rejected is the same before and after and
     * every suggestion the update adds, changes or removes is the person's own. An allowed update
     * stays applied on the replica; a refused one drops the replica (open it again from the log).
     */
    public CompletableFuture<SuggestOnlyVerdict> check(long documentId, byte[] update, long personId) {
        String b64 = Base64.getEncoder().encodeToString(update);
        return lanes.callReplicas("replicaCheck", ns -> YjsResults.verdict(json.readTree(
                ns.getMember("replicaCheck").execute(String.valueOf(documentId), b64, (double) personId).asString())));
    }
}
