package org.issa.tcw.documents;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** An editor connection for tests: records what the relay delivers to it. */
public class RecordingEditor implements EditorConnection {

    final List<Long> seqs = new ArrayList<>();
    final List<byte[]> updates = new ArrayList<>();
    final List<String> presence = new ArrayList<>();
    final List<Long> left = new ArrayList<>();
    int reconcileRequests;

    @Override
    public synchronized void deliver(long seq, String updateBase64) {
        seqs.add(seq);
        updates.add(Base64.getDecoder().decode(updateBase64));
    }

    @Override
    public synchronized void presence(String awarenessBase64) {
        presence.add(awarenessBase64);
    }

    @Override
    public synchronized void left(List<Long> clientIds) {
        left.addAll(clientIds);
    }

    @Override
    public synchronized void reconcile() {
        reconcileRequests++;
    }

    /** The presence updates received so far (a copy: safe to read while more arrive). */
    synchronized List<String> presenceSeen() {
        return List.copyOf(presence);
    }

    synchronized int reconcileRequests() {
        return reconcileRequests;
    }

    /** How many updates were delivered. */
    public synchronized int delivered() {
        return updates.size();
    }

    synchronized List<Long> seqs() {
        return List.copyOf(seqs);
    }
}
