package org.issa.tcw.load;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Who the virtual people are and where they go (docs/benchmarks.md "Load").
 *
 * <p>{@code spread} (the default): people of a forum spread over the commissions. Each person signs
 * in as one of the demo accounts that hold a commission role ({@code chair-ict}, {@code member-ict},
 * {@code observer-ict} in ICT, {@code member-fam} in FAM; the secretariat separately), and in every
 * round glances at one of the demo's nine commissions (its own half of the time; another's public
 * page otherwise), reads its own commission's programme, replies in one of its commission's threads
 * and opens one of its commission's drafts — typing into it if its role may edit drafts (an
 * observer only reads it). The demo data has discussions and drafts in ICT (threads 1–3, drafts 2
 * and 3; document 1 is in consultation) and FAM (thread 4, drafts 4 and 5) only, so the writes are
 * spread over those four threads and four drafts, the reads over all nine commissions. Thinking
 * takes 5–15 s between interactions.
 *
 * <p>{@code dense}: the worst case kept from the first runs — everybody in one commission
 * ({@code load.commission}), one thread ({@code load.thread}) and one document ({@code load.document}),
 * signing in alternately as the {@code load.accounts}, with 1.5–4.5 s of thinking: every keystroke
 * is fanned out to every editor of that document and every reply waits for the same thread's row.
 */
final class Mix {

    /** A demo account with a commission role, and what of its commission it works on. */
    record Seat(String username, String commission, String[] threads, String[] documents, boolean edits) {
    }

    /** The demo's commission codes (DemoData), as they appear in the routes. */
    static final String[] COMMISSIONS = {"ict", "fam", "emp", "ccc", "inj", "med", "mut", "old", "omi"};

    /** The demo's threads (DiscussionDemoData: ICT 1–3, FAM 4). */
    static final String[] ALL_THREADS = {"1", "2", "3", "4"};

    private static final String[] ICT_THREADS = {"1", "2", "3"};
    private static final String[] ICT_DRAFTS = {"2", "3"};

    /** Weighted by repetition: two ICT editors, one ICT observer, one FAM editor out of four. */
    static final Seat[] SEATS = {
        new Seat("chair-ict", "ict", ICT_THREADS, ICT_DRAFTS, true),
        new Seat("member-ict", "ict", ICT_THREADS, ICT_DRAFTS, true),
        new Seat("observer-ict", "ict", ICT_THREADS, ICT_DRAFTS, false),
        new Seat("member-fam", "fam", new String[] {"4"}, new String[] {"4", "5"}, true),
    };

    final boolean dense;
    final int think;
    private final String[] accounts;
    private final String commission;
    private final String thread;
    private final String document;

    Mix(String name, String[] accounts, String commission, String thread, String document, Integer think) {
        if (!name.equals("spread") && !name.equals("dense")) {
            throw new IllegalArgumentException("load.mix is spread or dense, not " + name);
        }
        this.dense = name.equals("dense");
        this.accounts = accounts;
        this.commission = commission;
        this.thread = thread;
        this.document = document;
        this.think = think != null ? think : dense ? 3000 : 10_000;
    }

    /** The seat of virtual person {@code userId} (a member, not the secretariat). */
    Seat seat(long userId) {
        if (dense) {
            return new Seat(accounts[(int) (userId % accounts.length)].trim(), commission, new String[] {thread},
                    new String[] {document}, true);
        }
        return SEATS[(int) (userId % SEATS.length)];
    }

    /** The commission page a person glances at this round: its own half of the time, else any. */
    String glance(Seat seat) {
        var random = ThreadLocalRandom.current();
        return dense || random.nextBoolean() ? seat.commission() : COMMISSIONS[random.nextInt(COMMISSIONS.length)];
    }

    /** The secretariat's commission and thread this round. */
    String secretariatCommission() {
        return dense ? commission : COMMISSIONS[ThreadLocalRandom.current().nextInt(COMMISSIONS.length)];
    }

    String secretariatThread() {
        return dense ? thread : pick(ALL_THREADS);
    }

    static String pick(String[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }
}
