package org.issa.tcw.durability;

/**
 * One change the application reported as done (its service call returned after the commit), as the
 * workload prints it on a line of its own: {@code ACK <kind> <id> <seq> <token>} ({@code seq}: the
 * document update's sequence number, the post's number in its thread, a milestone's project id).
 */
record Ack(String kind, long id, long seq, String token) {

    static final String PREFIX = "ACK ";

    String line() {
        return PREFIX + kind + " " + id + " " + seq + " " + token;
    }

    static Ack parse(String line) {
        String[] p = line.substring(PREFIX.length()).trim().split(" ");
        return new Ack(p[0], Long.parseLong(p[1]), Long.parseLong(p[2]), p[3]);
    }
}
